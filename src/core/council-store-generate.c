/* council-store-generate.c: bulk synthetic projects and fund entries for the
 * benchmarks and tests, written straight into the tables in one change (the
 * schema's CHECKs and triggers still apply).
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "council-demo.h"
#include "council-store-private.h"
#include "council-store-projects.h"

static const char *generated_payers[] = {
  "区财政局", "区民政局", "某科技有限公司", "某基金会", "爱心人士",
};

static const char *generated_topics[] = {
  "职工技能提升培训", "青年创业孵化行动", "巾帼家政服务", "科普进社区", "困难职工帮扶", "金秋助学",
  "青年志愿者社区行", "法律明白人培养", "文艺家进基层", "家庭教育指导", "老年人健身大联动",
  "残疾人就业援助", "应急救护培训", "儿童之家建设", "非遗传承进校园", "侨界青年就业见习",
};
static const char *generated_topics_en[] = {
  "Workers' skills training", "Youth entrepreneurship incubation", "Women's home services", "Science in the community",
  "Support for workers in hardship", "Autumn school grants", "Youth volunteers", "Legal literacy",
  "Artists at the grassroots", "Family education guidance", "Seniors' fitness", "Employment aid for the disabled",
  "First-aid training", "Children's homes", "Intangible heritage in schools", "Job placements for overseas youth",
};
static const char *generated_places[] = {
  "杨家坪街道", "谢家湾街道", "石坪桥街道", "黄桷坪街道", "九龙镇", "华岩镇", "西彭镇", "铜罐驿镇",
  "陶家镇", "白市驿镇", "含谷镇", "巴福镇", "石板镇", "走马镇", "中梁山街道", "渝州路街道",
};
static const char *generated_groups[] = {
  "职工", "青少年", "妇女", "老年人", "残疾人", "社区居民", "农民工", "困难群众", "侨眷", "个体工商户",
};

static gboolean
exec_step (CouncilStore *store, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return council_store_set_sqlite_error (store, rc, error);
  return TRUE;
}

gboolean
council_demo_generate_projects (CouncilStore *store, guint n_projects, guint n_fund_entries,
                                guint32 seed, GError **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GArray) orgs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = council_store_get_db (store);
  sqlite3_stmt *stmt;
  sqlite3_stmt *insert_project = NULL;
  sqlite3_stmt *insert_partner = NULL;
  sqlite3_stmt *insert_fund = NULL;
  gint64 first_id;
  int rc;

  stmt = council_store_prepare (store, "SELECT id FROM organization WHERE retired = 0 ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (orgs, id);
    }
  sqlite3_reset (stmt);
  stmt = council_store_prepare (store, "SELECT id FROM project_category ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (categories, id);
    }
  sqlite3_reset (stmt);
  if (orgs->len < 2 || categories->len == 0)
    {
      g_set_error (error, COUNCIL_STORE_ERROR, COUNCIL_STORE_ERROR_FAILED,
                   "Generating projects needs at least two organizations.");
      return FALSE;
    }

  /* One big transaction: a larger page cache keeps it from spilling. */
  council_store_exec (store, "PRAGMA cache_size = -65536", NULL);
  if (!council_store_begin_change (store, "Generate synthetic projects", error))
    return FALSE;
  /* Bulk data is not something Ctrl+Z should take back. */
  if (!council_store_exec (store, "UPDATE change SET undoable = 0 WHERE id = (SELECT max(id) FROM change)", error))
    goto fail;
  insert_project = council_store_prepare (store,
    "INSERT INTO project (code, title_zh, title_en, category_id, lead_org_id, target_group, start_date, "
    "end_date, status, health, budget_fen, planned_beneficiaries, actual_beneficiaries, is_brand) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (insert_project == NULL)
    goto fail;
  first_id = 0;
  for (guint i = 0; i < n_projects; i++)
    {
      guint topic = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_topics));
      guint place = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_places));
      int year = g_rand_int_range (rand, 2018, 2027);
      int month = g_rand_int_range (rand, 1, 13);
      g_autofree char *code = g_strdup_printf ("GEN-%d-%06u", year, i + 1);
      g_autofree char *title_zh = g_strdup_printf ("%s%s（第%u期）", generated_places[place], generated_topics[topic], i % 50 + 1);
      g_autofree char *title_en = g_strdup_printf ("%s, round %u", generated_topics_en[topic], i % 50 + 1);
      g_autofree char *start = council_iso_date_from_ymd (year, month, g_rand_int_range (rand, 1, 28));
      g_autofree char *end = council_iso_date_from_ymd (year, month + g_rand_int_range (rand, 1, 12), g_rand_int_range (rand, 1, 28));
      gint64 lead = g_array_index (orgs, gint64, g_rand_int_range (rand, 0, (gint32) orgs->len));

      sqlite3_bind_text (insert_project, 1, code, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_project, 2, title_zh, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_project, 3, title_en, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (insert_project, 4, g_array_index (categories, gint64, g_rand_int_range (rand, 0, (gint32) categories->len)));
      sqlite3_bind_int64 (insert_project, 5, lead);
      sqlite3_bind_text (insert_project, 6, generated_groups[g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_groups))], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_project, 7, start, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_project, 8, end, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (insert_project, 9, council_project_status_to_string ((CouncilProjectStatus) g_rand_int_range (rand, 0, COUNCIL_PROJECT_N_STATUSES)), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_project, 10, council_project_health_to_string ((CouncilProjectHealth) g_rand_int_range (rand, 0, COUNCIL_PROJECT_N_HEALTHS)), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert_project, 11, (gint64) g_rand_int_range (rand, 1, 500) * 100000);
      sqlite3_bind_int (insert_project, 12, g_rand_int_range (rand, 10, 5000));
      sqlite3_bind_int (insert_project, 13, g_rand_int_range (rand, 0, 5000));
      sqlite3_bind_int (insert_project, 14, g_rand_int_range (rand, 0, 10) == 0);
      if (!exec_step (store, insert_project, error))
        goto fail;
      if (first_id == 0)
        first_id = sqlite3_last_insert_rowid (db);

      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          gint64 partner = g_array_index (orgs, gint64, g_rand_int_range (rand, 0, (gint32) orgs->len));
          if (partner != lead)
            {
              insert_partner = council_store_prepare (store,
                "INSERT INTO project_partner (project_id, org_id, role) VALUES (?, ?, ?)", error);
              if (insert_partner == NULL)
                goto fail;
              sqlite3_bind_int64 (insert_partner, 1, sqlite3_last_insert_rowid (db));
              sqlite3_bind_int64 (insert_partner, 2, partner);
              sqlite3_bind_text (insert_partner, 3, council_partner_role_to_string ((CouncilPartnerRole) g_rand_int_range (rand, 0, 3)), -1, SQLITE_STATIC);
              if (!exec_step (store, insert_partner, error))
                goto fail;
            }
        }
    }

  insert_fund = council_store_prepare (store,
    "INSERT INTO fund_entry (project_id, source, kind, amount_fen, entry_date, counterparty, voucher_no) "
    "SELECT ?1, ?2, ?3, ?4, coalesce(start_date, '2026-01-01'), ?5, ?6 FROM project WHERE id = ?1", error);
  if (insert_fund == NULL)
    goto fail;
  for (guint i = 0; i < n_fund_entries && n_projects > 0; i++)
    {
      g_autofree char *voucher = g_strdup_printf ("PZ-%07u", i + 1);
      sqlite3_bind_int64 (insert_fund, 1, first_id + g_rand_int_range (rand, 0, (gint32) n_projects));
      sqlite3_bind_text (insert_fund, 2, council_fund_source_to_string ((CouncilFundSource) g_rand_int_range (rand, 0, COUNCIL_N_FUND_SOURCES)), -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_fund, 3, council_fund_kind_to_string ((CouncilFundKind) g_rand_int_range (rand, 0, COUNCIL_N_FUND_KINDS)), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (insert_fund, 4, (gint64) g_rand_int_range (rand, 1, 100000) * 100);
      sqlite3_bind_text (insert_fund, 5, generated_payers[g_rand_int_range (rand, 0, G_N_ELEMENTS (generated_payers))], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_fund, 6, voucher, -1, SQLITE_TRANSIENT);
      if (!exec_step (store, insert_fund, error))
        goto fail;
    }
  if (!council_store_commit_change (store, error))
    return FALSE;
  council_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  council_store_exec (store, "ANALYZE", NULL);
  council_store_emit_changed (store, "project");
  return TRUE;

fail:
  council_store_rollback_change (store);
  council_store_exec (store, "PRAGMA cache_size = -2000", NULL);
  return FALSE;
}
