/* test-recovery.c: unsaved work survives a crash
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <unistd.h>

#include "pledge-recovery.h"
#include "pledge-snapshot.h"

static PledgeDataset *
load_full (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", "full.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pledge_dataset_load (file, NULL, NULL, NULL);
}

static void
test_write_load_discard (void)
{
  g_autoptr(PledgeDataset) dataset = load_full ();
  g_autoptr(GFile) document = g_file_new_for_path ("/some/where/full.xml");
  g_autoptr(PledgeDataset) restored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pledge_recovery_exists (document, NULL));
  g_assert_true (pledge_dataset_insert_edit (dataset, 1, 0,
                                             pledge_edit_new_set ("AAA", 2016, PLEDGE_FIELD_DEFENCE, 99), NULL));
  g_assert_true (pledge_recovery_write (dataset, document, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pledge_recovery_exists (document, NULL));
  /* Another document's recovery is another file. */
  g_assert_false (pledge_recovery_exists (NULL, "untitled-1"));

  restored = pledge_recovery_load (document, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_dataset_get_scenario (restored, 1)->edits->len, ==, 1);

  pledge_recovery_discard (document, NULL);
  g_assert_false (pledge_recovery_exists (document, NULL));
}

/* The process is killed right after the recovery file is written: the
 * next one finds every edit. */
static void
test_survives_sigkill (void)
{
  g_autoptr(GFile) document = g_file_new_for_path ("/some/where/killed.xml");

  if (g_test_subprocess ())
    {
      g_autoptr(PledgeDataset) dataset = load_full ();

      for (int year = 2014; year <= 2017; year++)
        g_assert_true (pledge_dataset_insert_edit (dataset, 1,
                                                   pledge_dataset_get_scenario (dataset, 1)->edits->len,
                                                   pledge_edit_new_set ("AAA", year, PLEDGE_FIELD_EQUIPMENT, year - 2000),
                                                   NULL));
      g_assert_true (pledge_recovery_write (dataset, document, NULL, NULL));
      kill (getpid (), SIGKILL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  {
    g_autoptr(PledgeDataset) restored = pledge_recovery_load (document, NULL, NULL);
    g_autoptr(PledgeSnapshot) snapshot = NULL;

    g_assert_nonnull (restored);
    g_assert_cmpuint (pledge_dataset_get_scenario (restored, 1)->edits->len, ==, 4);
    snapshot = pledge_snapshot_new (restored, 1, NULL);
    g_assert_cmpfloat (pledge_snapshot_get_metric (snapshot, 0, 2017, PLEDGE_METRIC_EQUIPMENT_DEFENCE), ==, 17);
    pledge_recovery_discard (document, NULL);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_strdup (g_getenv ("PLEDGE_TEST_STATE_HOME"));

  /* A private $XDG_STATE_HOME, shared with the subprocess tests. (Not
   * G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks its strings, and
   * LeakSanitizer watches this test.) */
  if (state == NULL)
    {
      state = g_dir_make_tmp ("pledge-test-recovery-XXXXXX", NULL);
      g_setenv ("PLEDGE_TEST_STATE_HOME", state, TRUE);
    }
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/recovery/write-load-discard", test_write_load_discard);
  g_test_add_func ("/pledge/recovery/survives-sigkill", test_survives_sigkill);

  return g_test_run ();
}
