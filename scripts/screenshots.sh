#!/usr/bin/env bash
# Renders the desk window offscreen in its main states (QWidget::grab) and saves the PNGs into
# docs/screenshots/. Builds the UI test suite first. Usage: scripts/screenshots.sh [build-dir]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build_dir="${1:-${MIGDESK_BUILD_DIR:-$root/build}}"
cmake -S "$root" -B "$build_dir" -DMIGDESK_BUILD_BENCH=OFF >/dev/null
cmake --build "$build_dir" -j"${MIGDESK_JOBS:-2}" --target migdesk_ui_tests
mkdir -p "$root/docs/screenshots"
QT_QPA_PLATFORM=offscreen MIGDESK_SCREENSHOT_DIR="$root/docs/screenshots" \
  "$build_dir/tests/migdesk_ui_tests" --gtest_filter='ScreenshotDesk.*'
# ScreenshotDesk.DeskAsStaffLiveIt (in the filter above) makes 50-55: 1366x768 with and without
# larger text, a withdrawal, a loan return prompt, follow-up mode, an export failure.
ls -1 "$root/docs/screenshots"
# The Bulk jobs and Network pages of the settings (docs/BULK_JOBS.md, docs/USER_GUIDE.md).
QT_QPA_PLATFORM=offscreen MIGDESK_SCREENSHOT_DIR="$root/docs/screenshots" \
  "$build_dir/tests/migdesk_ui_tests" --gtest_filter='BulkSettingsScreenshot.*:NetworkSettingsScreenshot.*'
# The progress dashboard on the demo data plus a journal of nine days (docs/USER_GUIDE.md); its
# PNGs are renamed to 22-progress-dashboard.png and 23-progress-dashboard-larger.png.
QT_QPA_PLATFORM=offscreen MIGDESK_SCREENSHOT_DIR="$root/docs/screenshots" \
  "$build_dir/tests/migdesk_ui_tests" --gtest_filter='ProgressDesk.Dashboard*'
mv "$root/docs/screenshots/dashboard.png" "$root/docs/screenshots/22-progress-dashboard.png"
mv "$root/docs/screenshots/dashboard-larger.png" \
  "$root/docs/screenshots/23-progress-dashboard-larger.png"
# A Catalog Review item moved to its review shelf (a temporary location) and returned.
QT_QPA_PLATFORM=offscreen MIGDESK_SCREENSHOT_DIR="$root/docs/screenshots" \
  "$build_dir/tests/migdesk_ui_tests" --gtest_filter='ReviewShelfDesk.*'
# The operator prompt, the undo confirmation and the supervisor's view (docs/USER_GUIDE.md):
# 40-operator-prompt.png, 41-undo-confirmation.png, 42-supervisors-view.png.
QT_QPA_PLATFORM=offscreen MIGDESK_SCREENSHOT_DIR="$root/docs/screenshots" \
  "$build_dir/tests/migdesk_ui_tests" \
  --gtest_filter='OperatorDialogTest.*:UndoConfirmationTest.*:SupervisorViewScreenshot.*'
# The confirmation of a desk bulk job that stamps (docs/USER_GUIDE.md): 43-bulk-stamp-confirmation.png.
QT_QPA_PLATFORM=offscreen MIGDESK_SCREENSHOT_DIR="$root/docs/screenshots" \
  "$build_dir/tests/migdesk_ui_tests" --gtest_filter='BulkJobStamped.*'
