/* test-document.c: a document driven without any widget
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pledge-document.h"
#include "pledge-recovery.h"
#include "pledge-test-util.h"

typedef struct
{
  char           *tmpdir;
  GFile          *file;     /* a copy of tests/data/good/full.xml */
  PledgeDocument *document;
  guint           n_has_changes;
  guint           n_changed;
  guint           n_file_changed;
  guint           n_changed_on_disk;
  guint           n_scenario;
} Fixture;

static void
count_notify (PledgeDocument *document,
              GParamSpec     *pspec,
              guint          *count)
{
  (*count)++;
}

static void
count_signal (PledgeDocument *document,
              guint          *count)
{
  (*count)++;
}

static void
copy_data_file (const char *name,
                GFile      *to)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_replace_contents (to, contents, length, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = g_dir_make_tmp ("pledge-test-document-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->file = g_file_new_build_filename (fixture->tmpdir, "full.xml", NULL);
  copy_data_file ("full.xml", fixture->file);

  fixture->document = pledge_document_new ();
  g_signal_connect (fixture->document, "notify::has-changes", G_CALLBACK (count_notify),
                    &fixture->n_has_changes);
  g_signal_connect (fixture->document, "notify::changed-on-disk", G_CALLBACK (count_notify),
                    &fixture->n_changed_on_disk);
  g_signal_connect (fixture->document, "notify::scenario", G_CALLBACK (count_notify),
                    &fixture->n_scenario);
  g_signal_connect (fixture->document, "changed", G_CALLBACK (count_signal), &fixture->n_changed);
  g_signal_connect (fixture->document, "file-changed", G_CALLBACK (count_signal),
                    &fixture->n_file_changed);
  g_assert_true (pledge_document_load (fixture->document, fixture->file, FALSE, &error));
  g_assert_no_error (error);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  pledge_document_discard_recovery (fixture->document);
  g_assert_finalize_object (fixture->document);
  g_clear_object (&fixture->file);
  remove_dir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static void
run_until (guint    *count,
           guint     at_least,
           guint     ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (*count < at_least && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (1000);
}

/* Sets AAA's 2016 defence spending through the document. */
static void
edit (Fixture *fixture,
      double   value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pledge_document_edit_figure (fixture->document, "AAA", 2016,
                                              PLEDGE_FIELD_DEFENCE, value, NULL, &error));
  g_assert_no_error (error);
}

static double
defence_2016 (PledgeDocument *document)
{
  const PledgeFigures *f = pledge_snapshot_get_figures (pledge_document_get_snapshot (document),
                                                        0, 2016);

  return f->values[PLEDGE_FIELD_DEFENCE];
}

static void
test_load (Fixture       *fixture,
           gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) bundled = g_file_new_for_path ("/no/such/bundled.xml");
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_document_get_dataset (document);

  g_assert_nonnull (dataset);
  g_assert_cmpstr (pledge_dataset_get_title (dataset), ==, "Full <feature> test");
  g_assert_true (g_file_equal (pledge_document_get_file (document), fixture->file));
  g_assert_cmpstr (pledge_document_get_display_name (document), ==, "full.xml");
  g_assert_false (pledge_document_get_bundled (document));
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_false (pledge_document_get_can_undo (document));
  g_assert_cmpint (pledge_document_get_scenario (document), ==, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_nonnull (pledge_document_get_snapshot (document));

  /* A failed load leaves the document as it was. */
  g_assert_false (pledge_document_load (document, bundled, TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (pledge_document_get_dataset (document) == dataset);
  g_assert_true (g_file_equal (pledge_document_get_file (document), fixture->file));
}

static void
test_edit_undo (Fixture       *fixture,
                gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  guint n_scenarios = pledge_dataset_get_n_scenarios (pledge_document_get_dataset (document));

  /* The first edit on the reported figures makes a scenario and shows it. */
  g_assert_true (pledge_document_edit_figure (document, "AAA", 2016, PLEDGE_FIELD_DEFENCE, 99,
                                              &created, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (created, ==, "Scenario 1");
  g_assert_cmpint (pledge_document_get_scenario (document), ==, (int) n_scenarios);
  g_assert_cmpfloat (defence_2016 (document), ==, 99);
  g_assert_true (pledge_document_get_has_changes (document));
  g_assert_true (pledge_document_get_can_undo (document));
  g_assert_cmpuint (fixture->n_has_changes, ==, 1);
  g_assert_cmpuint (fixture->n_changed, >=, 1);

  /* A second edit goes into the same scenario: no new notification. */
  edit (fixture, 100);
  g_assert_cmpfloat (defence_2016 (document), ==, 100);
  g_assert_cmpuint (fixture->n_has_changes, ==, 1);

  g_assert_true (pledge_undo_stack_undo (pledge_document_get_undo_stack (document)));
  g_assert_cmpfloat (defence_2016 (document), ==, 99);
  g_assert_true (pledge_undo_stack_undo (pledge_document_get_undo_stack (document)));
  /* Back where it was: the scenario is gone, the reported figures show. */
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_cmpuint (fixture->n_has_changes, ==, 2);
  g_assert_cmpint (pledge_document_get_scenario (document), ==, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_cmpfloat (defence_2016 (document), ==, 20);
  g_assert_true (pledge_document_get_can_redo (document));
  /* The new scenario became the active one, and went with the undo. */
  g_assert_cmpuint (fixture->n_scenario, ==, 2);

  /* An edit the dataset refuses changes nothing. */
  g_assert_false (pledge_document_edit_figure (document, "AAA", 1900, PLEDGE_FIELD_DEFENCE, 1,
                                               NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (pledge_document_get_dataset (document)), ==,
                    n_scenarios);
  g_assert_false (pledge_document_get_has_changes (document));
}

static void
test_add_edits (Fixture       *fixture,
                gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func ((GDestroyNotify) pledge_edit_free);
  g_autoptr(GError) error = NULL;
  PledgeDataset *dataset = pledge_document_get_dataset (document);
  guint n_scenarios = pledge_dataset_get_n_scenarios (dataset);

  /* All or nothing: the second edit is refused, so the first is not made. */
  g_ptr_array_add (edits, pledge_edit_new_set ("AAA", 2016, PLEDGE_FIELD_DEFENCE, 50));
  g_ptr_array_add (edits, pledge_edit_new_set ("ZZZ", 2016, PLEDGE_FIELD_DEFENCE, 50));
  g_assert_false (pledge_document_add_edits (document, edits, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, n_scenarios);
  g_assert_false (pledge_document_get_can_undo (document));

  g_ptr_array_remove_index (edits, 1);
  g_assert_true (pledge_document_add_edits (document, edits, NULL));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, n_scenarios + 1);
  g_assert_cmpfloat (defence_2016 (document), ==, 50);

  /* Another scenario, then back to the reported figures. */
  pledge_document_set_scenario (document, 0);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->id, ==, "s1");
  g_assert_cmpstr (pledge_document_get_scenario_name (document), ==, "Alpha at 3%");
  pledge_document_set_scenario (document, PLEDGE_SNAPSHOT_REPORTED);
  g_assert_cmpstr (pledge_document_get_scenario_name (document), ==, "Reported figures");
  g_assert_cmpfloat (defence_2016 (document), ==, 20);
}

static void
test_save (Fixture       *fixture,
           gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) copy = g_file_new_build_filename (fixture->tmpdir, "copy.xml", NULL);
  g_autoptr(PledgeDataset) saved = NULL;
  g_autoptr(GError) error = NULL;

  edit (fixture, 77);
  g_assert_true (pledge_document_save (document, &error));
  g_assert_no_error (error);
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_cmpuint (fixture->n_has_changes, ==, 2);
  /* Its own save is not a change on disk. */
  g_assert_false (pledge_document_check_disk (document));
  g_assert_false (pledge_document_get_changed_on_disk (document));

  saved = pledge_dataset_load (fixture->file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (saved), ==, 3);

  /* Save As: the document's file is the new one. */
  edit (fixture, 78);
  g_assert_true (pledge_document_save_as (document, copy, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (pledge_document_get_file (document), copy));
  g_assert_cmpstr (pledge_document_get_display_name (document), ==, "copy.xml");
  g_assert_false (pledge_document_get_has_changes (document));
}

/* Saving into a folder that cannot exist fails and changes nothing: the
 * document keeps its file and its changes, the file keeps its bytes. */
static void
test_save_failure (Fixture       *fixture,
                   gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) blocker = g_file_new_build_filename (fixture->tmpdir, "not-a-folder", NULL);
  g_autoptr(GFile) target = g_file_get_child (blocker, "saved.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_load_contents (fixture->file, NULL, &before, NULL, NULL, NULL));
  g_assert_true (g_file_replace_contents (blocker, "x", 1, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                          NULL, NULL));
  edit (fixture, 55);

  g_assert_false (pledge_document_save_as (document, target, &error));
  g_assert_nonnull (error);
  g_assert_true (g_file_equal (pledge_document_get_file (document), fixture->file));
  g_assert_true (pledge_document_get_has_changes (document));
  g_assert_true (g_file_load_contents (fixture->file, NULL, &after, NULL, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  /* A bundled dataset has no file of its own to save to. */
  {
    g_autoptr(PledgeDocument) bundled = pledge_document_new ();
    g_autoptr(GError) no_file = NULL;

    g_assert_true (pledge_document_load (bundled, fixture->file, TRUE, NULL));
    g_assert_null (pledge_document_get_file (bundled));
    g_assert_true (pledge_document_get_bundled (bundled));
    g_assert_false (pledge_document_save (bundled, &no_file));
    g_assert_error (no_file, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_NO_FILE);
  }
}

/* Another program changes the file: the monitor notices, and reloading
 * shows the new content, in the same scenario where it still exists. */
static void
test_changed_on_disk_reload (Fixture       *fixture,
                             gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  pledge_document_set_scenario (document, 0);
  edit (fixture, 66);
  g_assert_true (g_file_load_contents (fixture->file, NULL, &contents, &length, NULL, NULL));

  /* The same bytes written again: a new etag, nothing changed. */
  g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (g_file_replace_contents (fixture->file, contents, length, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  run_until (&fixture->n_file_changed, 1, 5000);
  g_assert_cmpuint (fixture->n_file_changed, ==, 1);
  g_assert_false (pledge_document_get_changed_on_disk (document));
  g_assert_cmpuint (fixture->n_changed_on_disk, ==, 0);

  /* Other bytes: changed on disk. */
  g_usleep (10 * G_TIME_SPAN_MILLISECOND);
  g_assert_true (g_file_replace_contents (fixture->file, "<broken", 7, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  run_until (&fixture->n_changed_on_disk, 1, 5000);
  g_assert_true (pledge_document_get_changed_on_disk (document));
  g_assert_cmpuint (fixture->n_changed_on_disk, ==, 1);

  /* A file that no longer loads: the document keeps what it has. */
  g_assert_false (pledge_document_reload (document, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (pledge_document_get_has_changes (document));
  g_assert_cmpfloat (defence_2016 (document), ==, 66);

  /* Whole again: reloading shows it, in scenario s1 still. */
  g_assert_true (g_file_replace_contents (fixture->file, contents, length, NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  g_assert_true (pledge_document_reload (document, &error));
  g_assert_no_error (error);
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_false (pledge_document_get_changed_on_disk (document));
  g_assert_cmpint (pledge_document_get_scenario (document), ==, 0);
  g_assert_cmpfloat (defence_2016 (document), !=, 66);
  g_assert_false (pledge_document_has_recovery (document));
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(PledgeDocument) again = pledge_document_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (pledge_document_has_recovery (document));

  /* Written a moment after an edit, by itself. */
  edit (fixture, 44);
  g_assert_false (pledge_document_has_recovery (document));
  /* Two seconds, on a timer that may fire a second later to save power. */
  for (guint i = 0; i < 50 && !pledge_document_has_recovery (document); i++)
    {
      guint never = 0;

      run_until (&never, 1, 100);
    }
  g_assert_true (pledge_document_has_recovery (document));

  /* Another document on the file finds it, and recovers the work. */
  g_assert_true (pledge_document_load (again, fixture->file, FALSE, NULL));
  g_assert_true (pledge_document_has_recovery (again));
  g_assert_false (pledge_document_get_has_changes (again));
  g_assert_true (pledge_document_recover (again, &error));
  g_assert_no_error (error);
  g_assert_true (pledge_document_get_has_changes (again));
  g_assert_true (g_file_equal (pledge_document_get_file (again), fixture->file));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (pledge_document_get_dataset (again)), ==, 3);

  /* Saving puts the work in its file: no recovery file is left. */
  g_assert_true (pledge_document_save (again, &error));
  g_assert_no_error (error);
  g_assert_false (pledge_document_has_recovery (document));

  /* Written now, then thrown away on purpose. */
  edit (fixture, 45);
  g_assert_true (pledge_document_write_recovery (document, &error));
  g_assert_true (pledge_document_has_recovery (document));
  pledge_document_discard_recovery (document);
  g_assert_false (pledge_document_has_recovery (document));

  /* Undone back to what the file holds: writing removes the file. */
  g_assert_true (pledge_document_write_recovery (document, &error));
  g_assert_true (pledge_document_has_recovery (document));
  while (pledge_undo_stack_undo (pledge_document_get_undo_stack (document)))
    ;
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_true (pledge_document_write_recovery (document, &error));
  g_assert_no_error (error);
  g_assert_false (pledge_document_has_recovery (document));
}

/* Loading in a thread */

#define LARGE_MEMBERS 2000
#define LARGE_YEARS 25

/* A dataset of LARGE_MEMBERS x LARGE_YEARS records (50,000): large enough
 * that its load takes a while, written in a moment. */
static GFile *
write_large (Fixture    *fixture,
             const char *name)
{
  g_autofree char *xml = pledge_test_dataset_xml ("Large", LARGE_MEMBERS, LARGE_YEARS);
  GFile *file = g_file_new_build_filename (fixture->tmpdir, name, NULL);

  g_assert_true (g_file_replace_contents (file, xml, strlen (xml), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
  return file;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
  double    last_progress;
  guint     n_progress;
} LoadResult;

static void
on_load_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LoadResult *r = user_data;

  r->ok = pledge_document_load_finish (PLEDGE_DOCUMENT (source), result, &r->error);
  r->done = TRUE;
}

static void
on_progress (PledgeDocument *document,
             GParamSpec     *pspec,
             LoadResult     *r)
{
  double progress = pledge_document_get_progress (document);

  /* While loading, the share read only grows. */
  if (pledge_document_get_loading (document))
    {
      g_assert_cmpfloat (progress, >=, r->last_progress);
      g_assert_cmpfloat (progress, <=, 1.0);
      r->last_progress = progress;
    }
  r->n_progress++;
}

static void
wait_for (LoadResult *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_load_async (Fixture       *fixture,
                 gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) large = write_large (fixture, "large.xml");
  PledgeDataset *before = pledge_document_get_dataset (document);
  LoadResult r = { 0 };
  gulong id;

  id = g_signal_connect (document, "notify::progress", G_CALLBACK (on_progress), &r);
  pledge_document_load_async (document, large, FALSE, NULL, on_load_done, &r);
  /* Until it is ready, the document keeps what it had. */
  g_assert_true (pledge_document_get_loading (document));
  g_assert_true (pledge_document_get_dataset (document) == before);
  wait_for (&r);
  g_signal_handler_disconnect (document, id);

  g_assert_no_error (r.error);
  g_assert_true (r.ok);
  g_assert_false (pledge_document_get_loading (document));
  g_assert_cmpfloat (pledge_document_get_progress (document), ==, 0.0);
  g_assert_cmpstr (pledge_dataset_get_title (pledge_document_get_dataset (document)), ==, "Large");
  g_assert_cmpuint (pledge_dataset_get_n_members (pledge_document_get_dataset (document)), ==,
                    LARGE_MEMBERS);
  g_assert_true (g_file_equal (pledge_document_get_file (document), large));
  g_assert_cmpstr (pledge_document_get_display_name (document), ==, "large.xml");
  g_assert_false (pledge_document_get_has_changes (document));

  /* What it summed while reading is the file: a new modification time with
   * the same bytes is no change on disk; other bytes are. */
  g_assert_true (g_file_set_attribute_uint64 (large, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_get_real_time () / G_USEC_PER_SEC + 10,
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
  g_assert_true (pledge_document_check_disk (document));
  g_assert_false (pledge_document_get_changed_on_disk (document));
  copy_data_file ("full.xml", large);
  g_assert_true (pledge_document_check_disk (document));
  g_assert_true (pledge_document_get_changed_on_disk (document));
  g_object_unref (g_steal_pointer (&large));

  /* A small file loads at once, without a thread, but still answers from
   * the main loop. */
  memset (&r, 0, sizeof r);
  pledge_document_load_async (document, fixture->file, FALSE, NULL, on_load_done, &r);
  g_assert_false (pledge_document_get_loading (document));
  g_assert_cmpstr (pledge_dataset_get_title (pledge_document_get_dataset (document)), ==,
                   "Full <feature> test");
  g_assert_false (r.done);
  wait_for (&r);
  g_assert_no_error (r.error);
}

static void
test_load_async_cancel (Fixture       *fixture,
                        gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) large = write_large (fixture, "large.xml");
  g_autoptr(GFile) other = write_large (fixture, "other.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) missing = g_file_new_build_filename (fixture->tmpdir, "missing.xml", NULL);
  PledgeDataset *before = pledge_document_get_dataset (document);
  LoadResult first = { 0 }, second = { 0 }, third = { 0 };

  /* Cancelled: the document keeps what it had. */
  pledge_document_load_async (document, large, FALSE, cancellable, on_load_done, &first);
  g_cancellable_cancel (cancellable);
  wait_for (&first);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (pledge_document_get_loading (document));
  g_assert_true (pledge_document_get_dataset (document) == before);
  g_clear_error (&first.error);

  /* A second load takes the place of the first, which ends cancelled. */
  memset (&first, 0, sizeof first);
  pledge_document_load_async (document, large, FALSE, NULL, on_load_done, &first);
  pledge_document_load_async (document, other, FALSE, NULL, on_load_done, &second);
  wait_for (&first);
  wait_for (&second);
  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (second.error);
  g_assert_true (g_file_equal (pledge_document_get_file (document), other));
  g_assert_false (pledge_document_get_loading (document));
  g_clear_error (&first.error);

  /* A file that does not load: an error naming it, nothing replaced. */
  before = pledge_document_get_dataset (document);
  pledge_document_load_async (document, missing, FALSE, NULL, on_load_done, &third);
  wait_for (&third);
  g_assert_error (third.error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_IO);
  g_assert_nonnull (strstr (third.error->message, "missing.xml"));
  g_assert_true (pledge_document_get_dataset (document) == before);
  g_clear_error (&third.error);
}

/* file with its title changed, written anew as an editor saves it */
static void
retitle (GFile      *file,
         const char *title)
{
  g_autofree char *contents = NULL;
  g_autofree char *replaced = NULL;
  g_autofree char *element = g_strdup_printf ("<title>%s</title>", title);
  g_auto(GStrv) parts = NULL;
  gsize length;

  g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<title>"));
  parts = g_regex_split_simple ("<title>[^<]*</title>", contents, 0, 0);
  replaced = g_strjoinv (element, parts);
  g_assert_true (g_file_replace_contents (file, replaced, strlen (replaced), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, NULL));
}

/* The file on the command line is read while GTK and the window start: the
 * first load of it takes that read (what the file held then, and its
 * checksum); any other load lets it go; small files are not read ahead;
 * cancelling the load stops it. The read of 50,000 records takes tens of
 * milliseconds: the test gives it two seconds before it changes the file,
 * which no longer matters to a load that took the read. */
static void
test_read_ahead (Fixture       *fixture,
                 gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) large = write_large (fixture, "large.xml");
  g_autoptr(GFile) other = write_large (fixture, "other.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PledgeDataset *before;
  LoadResult r = { 0 };

  /* Taken: what the file held when it was read ahead */
  pledge_document_read_ahead (large);
  g_usleep (2 * G_USEC_PER_SEC);
  retitle (large, "Later");
  pledge_document_load_async (document, large, FALSE, NULL, on_load_done, &r);
  g_assert_true (pledge_document_get_loading (document));
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (pledge_dataset_get_title (pledge_document_get_dataset (document)), ==, "Large");
  g_assert_cmpuint (pledge_dataset_get_n_members (pledge_document_get_dataset (document)), ==,
                    LARGE_MEMBERS);
  g_assert_true (g_file_equal (pledge_document_get_file (document), large));
  /* and the document knows the file changed since */
  g_assert_true (pledge_document_check_disk (document));
  g_assert_true (pledge_document_get_changed_on_disk (document));

  /* Let go by a load of another file: a later load reads the file again */
  pledge_document_read_ahead (large);
  g_usleep (2 * G_USEC_PER_SEC);
  retitle (large, "Third");
  memset (&r, 0, sizeof r);
  pledge_document_load_async (document, other, FALSE, NULL, on_load_done, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_true (g_file_equal (pledge_document_get_file (document), other));
  memset (&r, 0, sizeof r);
  pledge_document_load_async (document, large, FALSE, NULL, on_load_done, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_cmpstr (pledge_dataset_get_title (pledge_document_get_dataset (document)), ==, "Third");
  /* the file as it is: nothing to look at again */
  g_assert_false (pledge_document_check_disk (document));
  g_assert_false (pledge_document_get_changed_on_disk (document));

  /* Cancelled while it waits for the read: the document keeps what it had,
   * and the file loads again afterwards */
  before = pledge_document_get_dataset (document);
  pledge_document_read_ahead (other);
  memset (&r, 0, sizeof r);
  pledge_document_load_async (document, other, FALSE, cancellable, on_load_done, &r);
  g_cancellable_cancel (cancellable);
  wait_for (&r);
  g_assert_error (r.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&r.error);
  g_assert_true (pledge_document_get_dataset (document) == before);
  memset (&r, 0, sizeof r);
  pledge_document_load_async (document, other, FALSE, NULL, on_load_done, &r);
  wait_for (&r);
  g_assert_no_error (r.error);
  g_assert_true (g_file_equal (pledge_document_get_file (document), other));

  /* A small file is not read ahead: it loads at once, as ever */
  pledge_document_read_ahead (fixture->file);
  memset (&r, 0, sizeof r);
  pledge_document_load_async (document, fixture->file, FALSE, NULL, on_load_done, &r);
  g_assert_false (pledge_document_get_loading (document));
  g_assert_cmpstr (pledge_dataset_get_title (pledge_document_get_dataset (document)), ==,
                   "Full <feature> test");
  wait_for (&r);
  g_assert_no_error (r.error);
}

/* An edit made while a file loads is never thrown away. */
static void
test_load_async_edit (Fixture       *fixture,
                      gconstpointer  data)
{
  PledgeDocument *document = fixture->document;
  g_autoptr(GFile) large = write_large (fixture, "large.xml");
  LoadResult r = { 0 }, again = { 0 };

  pledge_document_load_async (document, large, FALSE, NULL, on_load_done, &r);
  edit (fixture, 42);
  wait_for (&r);
  g_assert_error (r.error, PLEDGE_DOCUMENT_ERROR, PLEDGE_DOCUMENT_ERROR_CHANGED);
  g_assert_true (g_file_equal (pledge_document_get_file (document), fixture->file));
  g_assert_true (pledge_document_get_has_changes (document));
  g_assert_cmpfloat (defence_2016 (document), ==, 42);
  g_clear_error (&r.error);

  /* Reloading lets go of them, and keeps the scenario the edit made. */
  pledge_document_reload_async (document, NULL, on_load_done, &again);
  wait_for (&again);
  g_assert_no_error (again.error);
  g_assert_false (pledge_document_get_has_changes (document));
  g_assert_cmpfloat (defence_2016 (document), ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state = g_dir_make_tmp ("pledge-test-document-state-XXXXXX", NULL);
  int status;

  /* A private $XDG_STATE_HOME for the recovery files. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/pledge/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("load", test_load);
  ADD ("edit-undo", test_edit_undo);
  ADD ("add-edits", test_add_edits);
  ADD ("save", test_save);
  ADD ("save-failure", test_save_failure);
  ADD ("changed-on-disk-reload", test_changed_on_disk_reload);
  ADD ("recovery", test_recovery);
  ADD ("load-async", test_load_async);
  ADD ("load-async-cancel", test_load_async_cancel);
  ADD ("load-async-edit", test_load_async_edit);
  ADD ("read-ahead", test_read_ahead);
#undef ADD

  status = g_test_run ();
  remove_dir (state);
  return status;
}
