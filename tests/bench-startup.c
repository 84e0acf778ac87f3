/* bench-startup: written by the work that owns it. */
int main (void) { return 77; }
