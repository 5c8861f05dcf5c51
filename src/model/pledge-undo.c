/* pledge-undo.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pledge-undo.h"

typedef enum
{
  COMMAND_ADD_EDIT,
  COMMAND_ADD_SCENARIO,
  COMMAND_REMOVE_SCENARIO,
  COMMAND_RENAME_SCENARIO,
  COMMAND_GROUP,
} CommandKind;

typedef struct
{
  CommandKind     kind;
  guint           scenario;
  guint           position;
  PledgeEdit     *edit;       /* ADD_EDIT */
  PledgeScenario *copy;       /* ADD_SCENARIO, REMOVE_SCENARIO */
  char           *old_name;   /* RENAME_SCENARIO */
  char           *new_name;
  GPtrArray      *children;   /* GROUP */
} Command;

struct _PledgeUndoStack
{
  GObject        parent_instance;
  PledgeDataset *dataset;
  GPtrArray     *done;      /* Command, oldest first */
  GPtrArray     *undone;    /* Command, most recently undone last */
  Command       *group;     /* open group, or NULL */
  guint          group_depth;
  /* done->len at the last save; -1 when that state cannot come back. */
  gint64         saved_depth;
};

G_DEFINE_FINAL_TYPE (PledgeUndoStack, pledge_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_HAS_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
command_free (Command *command)
{
  pledge_edit_free (command->edit);
  pledge_scenario_free (command->copy);
  g_free (command->old_name);
  g_free (command->new_name);
  g_clear_pointer (&command->children, g_ptr_array_unref);
  g_free (command);
}

static Command *
command_new (CommandKind kind)
{
  Command *command = g_new0 (Command, 1);

  command->kind = kind;
  if (kind == COMMAND_GROUP)
    command->children = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  return command;
}

/* Runs a command forwards. Commands recorded from successful changes
 * always apply again in the state they were recorded in. */
static void
command_do (PledgeUndoStack *self,
            Command         *command)
{
  gboolean ok = TRUE;

  switch (command->kind)
    {
    case COMMAND_ADD_EDIT:
      ok = pledge_dataset_insert_edit (self->dataset, command->scenario, command->position,
                                       pledge_edit_copy (command->edit), NULL);
      break;
    case COMMAND_ADD_SCENARIO:
      ok = pledge_dataset_add_scenario (self->dataset, pledge_scenario_copy (command->copy),
                                        command->position, NULL);
      break;
    case COMMAND_REMOVE_SCENARIO:
      pledge_scenario_free (pledge_dataset_take_scenario (self->dataset, command->position));
      break;
    case COMMAND_RENAME_SCENARIO:
      pledge_dataset_rename_scenario (self->dataset, command->position, command->new_name);
      break;
    case COMMAND_GROUP:
      for (guint i = 0; i < command->children->len; i++)
        command_do (self, g_ptr_array_index (command->children, i));
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_critical ("Redoing a change failed: the undo stack and the dataset disagree");
}

static void
command_undo (PledgeUndoStack *self,
              Command         *command)
{
  gboolean ok = TRUE;

  switch (command->kind)
    {
    case COMMAND_ADD_EDIT:
      pledge_edit_free (pledge_dataset_take_edit (self->dataset, command->scenario,
                                                  command->position));
      break;
    case COMMAND_ADD_SCENARIO:
      pledge_scenario_free (pledge_dataset_take_scenario (self->dataset, command->position));
      break;
    case COMMAND_REMOVE_SCENARIO:
      ok = pledge_dataset_add_scenario (self->dataset, pledge_scenario_copy (command->copy),
                                        command->position, NULL);
      break;
    case COMMAND_RENAME_SCENARIO:
      pledge_dataset_rename_scenario (self->dataset, command->position, command->old_name);
      break;
    case COMMAND_GROUP:
      for (guint i = command->children->len; i > 0; i--)
        command_undo (self, g_ptr_array_index (command->children, i - 1));
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_critical ("Undoing a change failed: the undo stack and the dataset disagree");
}

static void
notify_state (PledgeUndoStack *self,
              gboolean         could_undo,
              gboolean         could_redo,
              gboolean         had_changes)
{
  if (could_undo != pledge_undo_stack_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != pledge_undo_stack_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (had_changes != pledge_undo_stack_get_has_changes (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

/* Records a change that has been made. */
static void
push (PledgeUndoStack *self,
      Command         *command)
{
  gboolean could_undo = pledge_undo_stack_get_can_undo (self);
  gboolean could_redo = pledge_undo_stack_get_can_redo (self);
  gboolean had_changes = pledge_undo_stack_get_has_changes (self);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, command);
      return;
    }

  /* A new change drops the redo history; a save point inside it is gone. */
  if (self->undone->len > 0)
    {
      if (self->saved_depth > (gint64) self->done->len)
        self->saved_depth = -1;
      g_ptr_array_set_size (self->undone, 0);
    }
  g_ptr_array_add (self->done, command);
  notify_state (self, could_undo, could_redo, had_changes);
}

static void
pledge_undo_stack_finalize (GObject *object)
{
  PledgeUndoStack *self = (PledgeUndoStack *)object;

  g_clear_pointer (&self->group, command_free);
  g_ptr_array_unref (self->done);
  g_ptr_array_unref (self->undone);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (pledge_undo_stack_parent_class)->finalize (object);
}

static void
pledge_undo_stack_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PledgeUndoStack *self = PLEDGE_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, pledge_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, pledge_undo_stack_get_can_redo (self));
      break;
    case PROP_HAS_CHANGES:
      g_value_set_boolean (value, pledge_undo_stack_get_has_changes (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_undo_stack_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PledgeUndoStack *self = PLEDGE_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pledge_undo_stack_class_init (PledgeUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pledge_undo_stack_finalize;
  object_class->get_property = pledge_undo_stack_get_property;
  object_class->set_property = pledge_undo_stack_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, PLEDGE_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CHANGES] =
    g_param_spec_boolean ("has-changes", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pledge_undo_stack_init (PledgeUndoStack *self)
{
  self->done = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
  self->undone = g_ptr_array_new_with_free_func ((GDestroyNotify) command_free);
}

PledgeUndoStack *
pledge_undo_stack_new (PledgeDataset *dataset)
{
  g_return_val_if_fail (PLEDGE_IS_DATASET (dataset), NULL);
  return g_object_new (PLEDGE_TYPE_UNDO_STACK, "dataset", dataset, NULL);
}

PledgeDataset *
pledge_undo_stack_get_dataset (PledgeUndoStack *self)
{
  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), NULL);
  return self->dataset;
}

gboolean
pledge_undo_stack_get_can_undo (PledgeUndoStack *self)
{
  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  return self->done->len > 0;
}

gboolean
pledge_undo_stack_get_can_redo (PledgeUndoStack *self)
{
  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  return self->undone->len > 0;
}

gboolean
pledge_undo_stack_get_has_changes (PledgeUndoStack *self)
{
  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  return self->saved_depth != (gint64) self->done->len;
}

void
pledge_undo_stack_mark_saved (PledgeUndoStack *self)
{
  gboolean had_changes;

  g_return_if_fail (PLEDGE_IS_UNDO_STACK (self));

  had_changes = pledge_undo_stack_get_has_changes (self);
  self->saved_depth = self->done->len;
  if (had_changes)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CHANGES]);
}

void
pledge_undo_stack_begin_group (PledgeUndoStack *self)
{
  g_return_if_fail (PLEDGE_IS_UNDO_STACK (self));

  if (self->group_depth++ == 0)
    self->group = command_new (COMMAND_GROUP);
}

void
pledge_undo_stack_end_group (PledgeUndoStack *self)
{
  Command *group;

  g_return_if_fail (PLEDGE_IS_UNDO_STACK (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    command_free (group);
  else
    push (self, group);
}

gboolean
pledge_undo_stack_add_edit (PledgeUndoStack *self,
                            guint            scenario,
                            PledgeEdit      *edit,
                            GError         **error)
{
  const PledgeScenario *s;
  Command *command;

  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (scenario < pledge_dataset_get_n_scenarios (self->dataset), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  s = pledge_dataset_get_scenario (self->dataset, scenario);
  command = command_new (COMMAND_ADD_EDIT);
  command->scenario = scenario;
  command->position = s->edits->len;
  command->edit = pledge_edit_copy (edit);

  if (!pledge_dataset_insert_edit (self->dataset, scenario, command->position, edit, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);
  return TRUE;
}

gboolean
pledge_undo_stack_add_scenario (PledgeUndoStack *self,
                                PledgeScenario  *scenario,
                                guint            position,
                                GError         **error)
{
  Command *command;

  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (scenario != NULL, FALSE);

  command = command_new (COMMAND_ADD_SCENARIO);
  command->position = position;
  command->copy = pledge_scenario_copy (scenario);

  if (!pledge_dataset_add_scenario (self->dataset, scenario, position, error))
    {
      command_free (command);
      return FALSE;
    }

  push (self, command);
  return TRUE;
}

void
pledge_undo_stack_remove_scenario (PledgeUndoStack *self,
                                   guint            index)
{
  Command *command;

  g_return_if_fail (PLEDGE_IS_UNDO_STACK (self));
  g_return_if_fail (index < pledge_dataset_get_n_scenarios (self->dataset));

  command = command_new (COMMAND_REMOVE_SCENARIO);
  command->position = index;
  command->copy = pledge_dataset_take_scenario (self->dataset, index);
  push (self, command);
}

void
pledge_undo_stack_rename_scenario (PledgeUndoStack *self,
                                   guint            index,
                                   const char      *name)
{
  Command *command;

  g_return_if_fail (PLEDGE_IS_UNDO_STACK (self));
  g_return_if_fail (index < pledge_dataset_get_n_scenarios (self->dataset));
  g_return_if_fail (name != NULL);

  command = command_new (COMMAND_RENAME_SCENARIO);
  command->position = index;
  command->old_name = g_strdup (pledge_dataset_get_scenario (self->dataset, index)->name);
  command->new_name = g_strdup (name);

  if (!pledge_dataset_rename_scenario (self->dataset, index, name))
    {
      command_free (command);
      return;
    }
  push (self, command);
}

gboolean
pledge_undo_stack_undo (PledgeUndoStack *self)
{
  gboolean could_redo, had_changes;
  Command *command;

  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->done->len == 0)
    return FALSE;

  could_redo = pledge_undo_stack_get_can_redo (self);
  had_changes = pledge_undo_stack_get_has_changes (self);

  command = g_ptr_array_steal_index (self->done, self->done->len - 1);
  command_undo (self, command);
  g_ptr_array_add (self->undone, command);

  notify_state (self, TRUE, could_redo, had_changes);
  return TRUE;
}

gboolean
pledge_undo_stack_redo (PledgeUndoStack *self)
{
  gboolean could_undo, had_changes;
  Command *command;

  g_return_val_if_fail (PLEDGE_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  if (self->undone->len == 0)
    return FALSE;

  could_undo = pledge_undo_stack_get_can_undo (self);
  had_changes = pledge_undo_stack_get_has_changes (self);

  command = g_ptr_array_steal_index (self->undone, self->undone->len - 1);
  command_do (self, command);
  g_ptr_array_add (self->done, command);

  notify_state (self, could_undo, TRUE, had_changes);
  return TRUE;
}
