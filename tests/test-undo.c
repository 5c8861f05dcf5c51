/* test-undo.c: every scenario operation undoes and redoes
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pledge-snapshot.h"
#include "pledge-undo.h"

static PledgeDataset *
make_dataset (void)
{
  PledgeDataset *dataset = pledge_dataset_new ();
  PledgeMember *m;
  PledgeFigures *f;

  pledge_dataset_add_target (dataset, "gdp-2", "2%", PLEDGE_METRIC_DEFENCE_GDP, 2, 2014, 0);
  m = pledge_dataset_add_member (dataset, "DEU", "Germany", 1955, 0);
  f = pledge_member_add_figures (m, 2016);
  f->values[PLEDGE_FIELD_GDP] = 1000;
  f->values[PLEDGE_FIELD_DEFENCE] = 12;
  f->present = PLEDGE_FIGURE_GDP | PLEDGE_FIGURE_DEFENCE;
  return dataset;
}

static double
defence_2016 (PledgeDataset *dataset,
              int            scenario)
{
  g_autoptr(PledgeSnapshot) s = pledge_snapshot_new (dataset, scenario, NULL);

  return pledge_snapshot_get_figures (s, 0, 2016)->values[PLEDGE_FIELD_DEFENCE];
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_edit_undo_redo (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeUndoStack) undo = pledge_undo_stack_new (dataset);
  guint can_undo_changes = 0;

  g_signal_connect (undo, "notify::can-undo", G_CALLBACK (count_notify), &can_undo_changes);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));
  g_assert_false (pledge_undo_stack_get_has_changes (undo));

  /* The first edit: a scenario and the edit, as one step. */
  pledge_undo_stack_begin_group (undo);
  g_assert_true (pledge_undo_stack_add_scenario (undo, pledge_scenario_new ("scenario-1", "Scenario 1"), 0, NULL));
  g_assert_true (pledge_undo_stack_add_edit (undo, 0, pledge_edit_new_set ("DEU", 2016, PLEDGE_FIELD_DEFENCE_GDP, 2), NULL));
  pledge_undo_stack_end_group (undo);

  g_assert_true (pledge_undo_stack_get_can_undo (undo));
  g_assert_true (pledge_undo_stack_get_has_changes (undo));
  g_assert_cmpuint (can_undo_changes, ==, 1);
  g_assert_cmpfloat_with_epsilon (defence_2016 (dataset, 0), 20, 1e-12);

  g_assert_true (pledge_undo_stack_add_edit (undo, 0, pledge_edit_new_set ("DEU", 2016, PLEDGE_FIELD_DEFENCE, 30), NULL));
  g_assert_cmpfloat (defence_2016 (dataset, 0), ==, 30);

  g_assert_true (pledge_undo_stack_undo (undo));
  g_assert_cmpfloat_with_epsilon (defence_2016 (dataset, 0), 20, 1e-12);
  g_assert_true (pledge_undo_stack_get_can_redo (undo));

  g_assert_true (pledge_undo_stack_undo (undo));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 0);
  g_assert_false (pledge_undo_stack_get_can_undo (undo));
  g_assert_false (pledge_undo_stack_get_has_changes (undo));
  g_assert_false (pledge_undo_stack_undo (undo));

  g_assert_true (pledge_undo_stack_redo (undo));
  g_assert_true (pledge_undo_stack_redo (undo));
  g_assert_false (pledge_undo_stack_get_can_redo (undo));
  g_assert_cmpfloat (defence_2016 (dataset, 0), ==, 30);

  /* The reported figures were never touched. */
  g_assert_cmpfloat (defence_2016 (dataset, PLEDGE_SNAPSHOT_REPORTED), ==, 12);
}

static void
test_refused_edit (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeUndoStack) undo = pledge_undo_stack_new (dataset);
  g_autoptr(GError) error = NULL;

  g_assert_true (pledge_undo_stack_add_scenario (undo, pledge_scenario_new ("s", "S"), 0, NULL));
  g_assert_false (pledge_undo_stack_add_edit (undo, 0, pledge_edit_new_set ("DEU", 1950, PLEDGE_FIELD_DEFENCE, 1), &error));
  g_assert_error (error, PLEDGE_DATASET_ERROR, PLEDGE_DATASET_ERROR_SCENARIO);
  /* Only the scenario is there to undo. */
  g_assert_true (pledge_undo_stack_undo (undo));
  g_assert_false (pledge_undo_stack_get_can_undo (undo));
}

static void
test_scenario_operations (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeUndoStack) undo = pledge_undo_stack_new (dataset);
  PledgeScenario *s = pledge_scenario_new ("a", "A");

  g_ptr_array_add (s->edits, pledge_edit_new_set ("DEU", 2016, PLEDGE_FIELD_DEFENCE, 40));
  g_assert_true (pledge_undo_stack_add_scenario (undo, s, 0, NULL));
  g_assert_true (pledge_undo_stack_add_scenario (undo, pledge_scenario_new ("b", "B"), 1, NULL));

  pledge_undo_stack_rename_scenario (undo, 0, "Renamed");
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->name, ==, "Renamed");
  pledge_undo_stack_remove_scenario (undo, 0);
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->id, ==, "b");

  g_assert_true (pledge_undo_stack_undo (undo));  /* remove */
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 2);
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->name, ==, "Renamed");
  g_assert_cmpfloat (defence_2016 (dataset, 0), ==, 40);
  g_assert_true (pledge_undo_stack_undo (undo));  /* rename */
  g_assert_cmpstr (pledge_dataset_get_scenario (dataset, 0)->name, ==, "A");
  g_assert_true (pledge_undo_stack_redo (undo));
  g_assert_true (pledge_undo_stack_redo (undo));
  g_assert_cmpuint (pledge_dataset_get_n_scenarios (dataset), ==, 1);
}

static void
test_save_point (void)
{
  g_autoptr(PledgeDataset) dataset = make_dataset ();
  g_autoptr(PledgeUndoStack) undo = pledge_undo_stack_new (dataset);

  g_assert_true (pledge_undo_stack_add_scenario (undo, pledge_scenario_new ("a", "A"), 0, NULL));
  pledge_undo_stack_mark_saved (undo);
  g_assert_false (pledge_undo_stack_get_has_changes (undo));

  g_assert_true (pledge_undo_stack_undo (undo));
  g_assert_true (pledge_undo_stack_get_has_changes (undo));
  g_assert_true (pledge_undo_stack_redo (undo));
  g_assert_false (pledge_undo_stack_get_has_changes (undo));

  /* Undo past the save point, then change: the saved state is gone. */
  g_assert_true (pledge_undo_stack_undo (undo));
  g_assert_true (pledge_undo_stack_add_scenario (undo, pledge_scenario_new ("b", "B"), 0, NULL));
  g_assert_true (pledge_undo_stack_get_has_changes (undo));
  g_assert_true (pledge_undo_stack_undo (undo));
  g_assert_true (pledge_undo_stack_get_has_changes (undo));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pledge/undo/edit", test_edit_undo_redo);
  g_test_add_func ("/pledge/undo/refused-edit", test_refused_edit);
  g_test_add_func ("/pledge/undo/scenario-operations", test_scenario_operations);
  g_test_add_func ("/pledge/undo/save-point", test_save_point);

  return g_test_run ();
}
