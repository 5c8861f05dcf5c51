/* pledge-counted-file.c
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pledge-counted-file.h"

/* The stream: reads from the wrapped file's stream and counts. */

#define PLEDGE_TYPE_COUNTED_STREAM (pledge_counted_stream_get_type ())
G_DECLARE_FINAL_TYPE (PledgeCountedStream, pledge_counted_stream, PLEDGE, COUNTED_STREAM,
                      GFileInputStream)

struct _PledgeCountedFile
{
  GObject    parent_instance;

  GFile     *file;
  GMutex     lock;        /* guards bytes_read: the reader's thread counts */
  gint64     bytes_read;
  GChecksum *checksum;
};

struct _PledgeCountedStream
{
  GFileInputStream   parent_instance;

  GInputStream      *base;
  PledgeCountedFile *file;
};

G_DEFINE_FINAL_TYPE (PledgeCountedStream, pledge_counted_stream, G_TYPE_FILE_INPUT_STREAM)

static gssize
pledge_counted_stream_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  PledgeCountedStream *self = PLEDGE_COUNTED_STREAM (stream);
  gssize n = g_input_stream_read (self->base, buffer, count, cancellable, error);

  if (n > 0)
    {
      g_checksum_update (self->file->checksum, buffer, n);
      g_mutex_lock (&self->file->lock);
      self->file->bytes_read += n;
      g_mutex_unlock (&self->file->lock);
    }
  return n;
}

static gboolean
pledge_counted_stream_close (GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error)
{
  PledgeCountedStream *self = PLEDGE_COUNTED_STREAM (stream);

  return self->base == NULL || g_input_stream_close (self->base, cancellable, error);
}

static void
pledge_counted_stream_dispose (GObject *object)
{
  PledgeCountedStream *self = PLEDGE_COUNTED_STREAM (object);

  /* GInputStream's dispose closes the stream: the base is still needed. */
  G_OBJECT_CLASS (pledge_counted_stream_parent_class)->dispose (object);
  g_clear_object (&self->base);
  g_clear_object (&self->file);
}

static void
pledge_counted_stream_class_init (PledgeCountedStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pledge_counted_stream_dispose;
  stream_class->read_fn = pledge_counted_stream_read;
  stream_class->close_fn = pledge_counted_stream_close;
}

static void
pledge_counted_stream_init (PledgeCountedStream *self)
{
}

/* The file */

static void pledge_counted_file_iface_init (GFileIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PledgeCountedFile, pledge_counted_file, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_FILE, pledge_counted_file_iface_init))

static GFile *
counted_dup (GFile *file)
{
  return G_FILE (pledge_counted_file_new (PLEDGE_COUNTED_FILE (file)->file));
}

static guint
counted_hash (GFile *file)
{
  return g_file_hash (PLEDGE_COUNTED_FILE (file)->file);
}

static gboolean
counted_equal (GFile *a,
               GFile *b)
{
  return PLEDGE_IS_COUNTED_FILE (b) &&
         g_file_equal (PLEDGE_COUNTED_FILE (a)->file, PLEDGE_COUNTED_FILE (b)->file);
}

static char *
counted_get_basename (GFile *file)
{
  return g_file_get_basename (PLEDGE_COUNTED_FILE (file)->file);
}

static char *
counted_get_uri (GFile *file)
{
  return g_file_get_uri (PLEDGE_COUNTED_FILE (file)->file);
}

static char *
counted_get_parse_name (GFile *file)
{
  return g_file_get_parse_name (PLEDGE_COUNTED_FILE (file)->file);
}

static char *
counted_get_path (GFile *file)
{
  return g_file_get_path (PLEDGE_COUNTED_FILE (file)->file);
}

static GFileInfo *
counted_query_info (GFile                *file,
                    const char           *attributes,
                    GFileQueryInfoFlags   flags,
                    GCancellable         *cancellable,
                    GError              **error)
{
  return g_file_query_info (PLEDGE_COUNTED_FILE (file)->file, attributes, flags, cancellable,
                            error);
}

static GFileInputStream *
counted_read (GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  PledgeCountedFile *self = PLEDGE_COUNTED_FILE (file);
  g_autoptr(GFileInputStream) base = g_file_read (self->file, cancellable, error);
  PledgeCountedStream *stream;

  if (base == NULL)
    return NULL;
  stream = g_object_new (PLEDGE_TYPE_COUNTED_STREAM, NULL);
  stream->base = G_INPUT_STREAM (g_steal_pointer (&base));
  stream->file = g_object_ref (self);
  return G_FILE_INPUT_STREAM (stream);
}

static void
pledge_counted_file_iface_init (GFileIface *iface)
{
  iface->dup = counted_dup;
  iface->hash = counted_hash;
  iface->equal = counted_equal;
  iface->get_basename = counted_get_basename;
  iface->get_uri = counted_get_uri;
  iface->get_parse_name = counted_get_parse_name;
  iface->get_path = counted_get_path;
  iface->query_info = counted_query_info;
  iface->read_fn = counted_read;
}

static void
pledge_counted_file_dispose (GObject *object)
{
  PledgeCountedFile *self = PLEDGE_COUNTED_FILE (object);

  g_clear_object (&self->file);
  G_OBJECT_CLASS (pledge_counted_file_parent_class)->dispose (object);
}

static void
pledge_counted_file_finalize (GObject *object)
{
  PledgeCountedFile *self = PLEDGE_COUNTED_FILE (object);

  g_checksum_free (self->checksum);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (pledge_counted_file_parent_class)->finalize (object);
}

static void
pledge_counted_file_class_init (PledgeCountedFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pledge_counted_file_dispose;
  object_class->finalize = pledge_counted_file_finalize;
}

static void
pledge_counted_file_init (PledgeCountedFile *self)
{
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_mutex_init (&self->lock);
}

PledgeCountedFile *
pledge_counted_file_new (GFile *file)
{
  PledgeCountedFile *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PLEDGE_TYPE_COUNTED_FILE, NULL);
  self->file = g_object_ref (file);
  return self;
}

gint64
pledge_counted_file_get_bytes_read (PledgeCountedFile *self)
{
  gint64 bytes;

  g_return_val_if_fail (PLEDGE_IS_COUNTED_FILE (self), 0);
  g_mutex_lock (&self->lock);
  bytes = self->bytes_read;
  g_mutex_unlock (&self->lock);
  return bytes;
}

char *
pledge_counted_file_dup_checksum (PledgeCountedFile *self)
{
  g_return_val_if_fail (PLEDGE_IS_COUNTED_FILE (self), NULL);
  return g_strdup (g_checksum_get_string (self->checksum));
}
