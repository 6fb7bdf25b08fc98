#include "Icons.h"

#include <QFile>
#include <QGuiApplication>
#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

#include <memory>

using namespace Qt::StringLiterals;

// resources/ui.qrc lives in the static tandem_ui library: its initialiser must be called
// explicitly (from global scope, as Q_INIT_RESOURCE requires).
static void initUiResources()
{
    Q_INIT_RESOURCE(ui);
}

namespace tandem::ui {
namespace {

//! Renders one SVG and recolours its opaque pixels with the palette's text colour for the mode.
class TintedSvgEngine : public QIconEngine
{
public:
    TintedSvgEngine(std::shared_ptr<QSvgRenderer> renderer, bool tint)
        : m_renderer(std::move(renderer)), m_tint(tint)
    {}

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        QImage image((rect.size() * ratio), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter p(&image);
            p.setRenderHint(QPainter::Antialiasing);
            m_renderer->render(&p, QRectF(QPointF(0, 0), QSizeF(image.size())));
            if (m_tint) {
                p.setCompositionMode(QPainter::CompositionMode_SourceIn);
                p.fillRect(image.rect(), colorFor(mode));
            }
        }
        image.setDevicePixelRatio(ratio);
        if (!m_tint && mode == QIcon::Disabled)
            painter->setOpacity(painter->opacity() * 0.4);
        painter->drawImage(rect, image);
        if (!m_tint && mode == QIcon::Disabled)
            painter->setOpacity(painter->opacity() / 0.4);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QIconEngine *clone() const override { return new TintedSvgEngine(m_renderer, m_tint); }

    QString key() const override { return u"tandem-tinted-svg"_s; }

private:
    static QColor colorFor(QIcon::Mode mode)
    {
        const QPalette palette = QGuiApplication::palette();
        switch (mode) {
        case QIcon::Disabled:
            return palette.color(QPalette::Disabled, QPalette::ButtonText);
        case QIcon::Selected:
            return palette.color(QPalette::HighlightedText);
        case QIcon::Normal:
        case QIcon::Active:
            break;
        }
        return palette.color(QPalette::ButtonText);
    }

    std::shared_ptr<QSvgRenderer> m_renderer;
    bool m_tint;
};

} // namespace

QIcon Icons::get(QStringView name)
{
    static const bool initialised = [] {
        initUiResources();
        return true;
    }();
    Q_UNUSED(initialised);
    const QString path = u":/icons/"_s + name + u".svg"_s;
    if (!QFile::exists(path))
        return {};
    auto renderer = std::make_shared<QSvgRenderer>(path);
    if (!renderer->isValid())
        return {};
    return QIcon(new TintedSvgEngine(std::move(renderer), !name.startsWith(u"app-")));
}

} // namespace tandem::ui
