/* pledge-chart-test-util.h: what the chart tests share
 *
 * Copyright 2026 The Pledge authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "pledge-chart.h"

/* Draws kind of input at 1200 x 800 as a PNG and compares it with the
 * reference image name ("compliance-2016.png") in tests/data/reference,
 * tolerating antialiasing and rounding; with PLEDGE_UPDATE_REFERENCE=1
 * writes it first. A mismatch fails the test and leaves this run's image
 * as NAME-actual.png in the build folder. */
void check_reference (const char             *name,
                      PledgeChartKind         kind,
                      const PledgeChartInput *input,
                      gboolean                dark);
