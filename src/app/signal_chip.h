#pragma once
// The chip the tables draw for a signal (retention of a clinician, status of a pair): a
// rounded soft background, a dot in the signal's ink and, always, a word, so colour is
// never the only cue. One drawing for every delegate that shows one.

#include "signal_colors.h"

#include <QString>

class QFont;
class QPainter;
class QStyleOptionViewItem;
class QModelIndex;
class QStyledItemDelegate;

namespace caseboard::app {

// Paints the cell's background and selection as any cell, then the chip at its left.
void paintSignalChip(QPainter* painter, const QStyleOptionViewItem& option, const QString& label, Signal signal);
// The width a cell needs for the chip with `label` in `font`.
int signalChipWidth(const QFont& font, const QString& label);

} // namespace caseboard::app
