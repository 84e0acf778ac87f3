/* test-window: written by the work that owns it; 77 = skipped until then. */
int main (void) { return 77; }
