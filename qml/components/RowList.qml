// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick

// A ListView that shows rows and never selects one. A plain ListView makes its first row current and
// gives it an empty highlight item that glides after that row whenever rows are inserted or move: a
// smoothed animation that draws nothing yet makes the window render empty frames at 60 Hz each time.
ListView {
    currentIndex: -1
}
