/* council-demo-documents.c: sample policy documents for --demo.
 *
 * Copyright 2026 Council Desk developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "council-demo"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "council-demo.h"
#include "council-document-import.h"
#include "council-store-documents.h"

/* A4 in points, with the margins of a 公文 (GB/T 9704 is close to this). */
#define PAGE_WIDTH 595.0
#define PAGE_HEIGHT 842.0
#define MARGIN 72.0
/* Serif, as official documents are set; also, cairo's subset of Noto Sans
 * CJK loses some glyphs (如 among them) that the serif keeps. */
#define BODY_FONT "Noto Serif CJK SC, Source Han Serif SC, Noto Sans CJK SC, serif 12"

gboolean
council_demo_write_pdf (const char *path, const char *title, const char * const *pages, GError **error)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  PangoFontDescription *font = pango_font_description_from_string (BODY_FONT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Council Desk");
  for (guint i = 0; pages && pages[i]; i++)
    {
      PangoLayout *layout = pango_cairo_create_layout (cr);

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((PAGE_WIDTH - 2 * MARGIN) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_text (layout, pages[i], -1);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, MARGIN, MARGIN);
      pango_cairo_show_layout (cr, layout);
      g_object_unref (layout);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  pango_font_description_free (font);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *file;
  const char *pages[5];
} DemoDocument;

/* Written the way such documents read; the phrases staff search for
 * (联络员, 项目化, 枢纽型, 政府购买服务) are spread over several pages. */
static const DemoDocument demo_documents[] = {
  { "dangjian-daiqunjian.pdf", {
    "中共九龙坡区委办公室文件\n\n九龙坡委办发〔2026〕12号\n\n"
    "关于进一步加强党建带群建工作的\n实施意见\n\n"
    "各镇党委、街道党工委，区级各部门党组（党委），各人民团体：\n"
    "　　为深入贯彻中央党的群团工作会议精神，坚持以党建带群建、群建促党建，推动群团组织"
    "更好发挥桥梁纽带作用，现就进一步加强全区党建带群建工作提出如下意见。\n"
    "　　一、总体要求\n"
    "　　坚持党的领导，把党建带群建纳入各级党组织书记抓基层党建工作述职评议考核内容，"
    "构建党委统一领导、群团工作理事会统筹协调、群团组织各负其责的工作格局。",
    "　　二、重点任务\n"
    "　　（一）建强枢纽型群团组织。发挥总工会、共青团、妇联等枢纽型组织的联系服务作用，"
    "带动各类社会组织和新兴领域群体有序参与基层治理。\n"
    "　　（二）推行群团工作项目化。以项目为载体整合资源，围绕维权服务、就业创业、"
    "困难帮扶等领域打造群团品牌项目，实行项目申报、评审、实施、评估全过程管理。\n"
    "　　（三）健全联络员制度。群团组织在人社、司法等政府部门设立联络员，"
    "定期沟通工作情况，推动群团工作与部门工作同部署、同落实。",
    "　　三、保障措施\n"
    "　　各级党组织要把党建带群建工作列入重要议事日程，每年至少专题研究一次群团工作。"
    "区委组织部、区群团工作理事会秘书处负责督促检查，考核结果纳入目标管理考核。\n\n"
    "中共九龙坡区委办公室\n2026年3月5日",
    NULL } },
  { "lianluoyuan-banfa.pdf", {
    "九龙坡区群团工作理事会文件\n\n九龙坡群理发〔2026〕3号\n\n"
    "关于印发《九龙坡区群团组织联络员工作办法》的通知\n\n"
    "各成员单位：\n"
    "　　现将《九龙坡区群团组织联络员工作办法》印发给你们，请结合实际认真贯彻执行。\n\n"
    "九龙坡区群团工作理事会\n2026年4月10日",
    "九龙坡区群团组织联络员工作办法\n\n"
    "　　第一条　为加强群团组织与政府部门的沟通协作，建立常态化工作联系机制，制定本办法。\n"
    "　　第二条　各群团组织在人力资源和社会保障、司法行政、民政、卫生健康等部门各确定一名联络员。\n"
    "　　第三条　联络员负责收集部门政策信息，反映职工、青年、妇女等群体诉求，"
    "协调推进群团工作项目化落地。",
    "　　第四条　联络员每季度参加一次理事会联席会议，报告工作情况。\n"
    "　　第五条　理事会秘书处建立联络员名册，联络员调整的，应于十个工作日内报备。\n"
    "　　第六条　联络员履职情况纳入年度目标管理考核，作为加分项目。\n"
    "　　第七条　本办法自印发之日起施行。",
    NULL } },
  { "xiangmuhua-fangan.pdf", {
    "九龙坡区人民政府办公室文件\n\n九龙坡府办发〔2025〕88号\n\n"
    "关于印发九龙坡区群团组织项目化运作\n实施方案的通知\n\n"
    "各镇人民政府、街道办事处，区政府各部门：\n"
    "　　经区政府同意，现将《九龙坡区群团组织项目化运作实施方案》印发给你们，请认真组织实施。\n\n"
    "九龙坡区人民政府办公室\n2025年12月20日",
    "　　一、工作目标\n"
    "　　到2027年，全区群团组织全面实行项目化运作，培育市级品牌项目5个以上，"
    "形成“一会一品”的群团工作格局。\n"
    "　　二、资金来源\n"
    "　　群团项目资金主要来源于政府购买服务、财政专项拨款、社会募捐、企业赞助和场馆社会化运营收入，"
    "资金使用情况实行全过程公开。",
    "　　三、一体化品牌建设\n"
    "　　对多个群团组织的同类品牌项目实施一体化整合，形成理事会层面的统一品牌，"
    "保留各来源项目的工作记录。\n"
    "　　四、枢纽型组织作用\n"
    "　　总工会、团区委、区妇联等枢纽型组织牵头申报项目，联合其他成员单位共同实施。",
    "　　五、考核评估\n"
    "　　区群团工作理事会每年对项目实施情况开展绩效评估，评估结果与下一年度项目资金挂钩。"
    "评估不合格的项目，次年不得重复申报。\n"
    "　　六、本方案自印发之日起施行。",
    NULL } },
};

static gint64
import_demo_file (CouncilStore *store, const char *path, GError **error)
{
  g_autofree char *worker = council_document_import_dup_worker_path ();
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(CouncilPdfExtract) extract = NULL;
  g_autoptr(CouncilDocument) doc = NULL;
  char *contents = NULL;
  gsize len = 0;

  if (worker != NULL)
    return council_document_import_file (store, path, NULL, NULL, error);
  /* No reader program (a test binary): these files were written a moment ago
   * by this process, so reading them here is safe. */
  if (!g_file_get_contents (path, &contents, &len, error))
    return 0;
  pdf = g_bytes_new_take (contents, len);
  extract = council_pdf_extract_bytes (pdf, NULL, error);
  if (extract == NULL)
    return 0;
  doc = council_document_guess_metadata (extract, path);
  return council_store_insert_document (store, doc, pdf, extract->pages, error);
}

gboolean
council_demo_fill_documents (CouncilStore *store, GError **error)
{
  g_autofree char *dir = g_dir_make_tmp ("council-demo-XXXXXX", error);
  g_autoptr(GListStore) orgs = NULL;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  orgs = council_store_list_organizations (store, FALSE, error);
  for (guint i = 0; ok && orgs != NULL && i < G_N_ELEMENTS (demo_documents); i++)
    {
      g_autofree char *path = g_build_filename (dir, demo_documents[i].file, NULL);
      guint n_orgs = g_list_model_get_n_items (G_LIST_MODEL (orgs));
      gint64 id;

      ok = council_demo_write_pdf (path, NULL, demo_documents[i].pages, error);
      id = ok ? import_demo_file (store, path, error) : 0;
      ok = id > 0;
      g_unlink (path);
      /* Each document governs a few organizations, the hubs first. */
      for (guint j = 0, linked = 0; ok && j < n_orgs && linked < 3; j++)
        {
          g_autoptr(CouncilOrganization) org = g_list_model_get_item (G_LIST_MODEL (orgs), (j + i) % n_orgs);

          if (i < 2 && council_organization_get_category (org) != COUNCIL_CATEGORY_HUB)
            continue;
          ok = council_store_add_document_link (store, id, COUNCIL_LINK_ORGANIZATION,
                                                council_organization_get_id (org), error);
          linked++;
        }
    }
  g_rmdir (dir);
  return ok && orgs != NULL;
}
