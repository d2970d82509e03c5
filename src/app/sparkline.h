#pragma once
// A small trend line without axes: enough to see whether a number is rising, falling
// or flat. An optional reference line (a goal) is drawn dashed behind it.

#include <QColor>
#include <QWidget>

#include <optional>
#include <vector>

namespace caseboard::app {

class Sparkline : public QWidget {
    Q_OBJECT
public:
    explicit Sparkline(QWidget* parent = nullptr);

    // Points oldest first; a missing value (undefined rate) leaves a gap.
    void setValues(std::vector<std::optional<double>> values, std::vector<double> reference = {});
    void setColor(const QColor& color);
    bool isEmpty() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<std::optional<double>> values_;
    std::vector<double> reference_;
    QColor color_;
};

} // namespace caseboard::app
