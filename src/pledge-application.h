/* pledge-application.h
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLEDGE_TYPE_APPLICATION (pledge_application_get_type ())

G_DECLARE_FINAL_TYPE (PledgeApplication, pledge_application, PLEDGE, APPLICATION, AdwApplication)

PledgeApplication *pledge_application_new (void);

/* The dataset a new window opens: the bundled NATO figures. */
GFile             *pledge_application_get_default_dataset (void);

G_END_DECLS
