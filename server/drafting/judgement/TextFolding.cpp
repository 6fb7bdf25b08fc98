#include "TextFolding.h"

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

namespace {

// One folded character (or two: ß -> ss), remembering which character of the input it came from.
struct Folder
{
    QString out;
    QList<qsizetype> *origins = nullptr;
    bool space = false;

    void put(QStringView s, qsizetype origin)
    {
        out += s;
        if (origins) {
            for (qsizetype k = 0; k < s.size(); ++k)
                origins->append(origin);
        }
    }
    void put(QChar c, qsizetype origin) { put(QStringView(&c, 1), origin); }

    void add(QChar c, qsizetype origin)
    {
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing)
            return; // combining accents, Arabic harakat
        if (c.isSpace()) {
            space = !out.isEmpty();
            return;
        }
        if (space) {
            put(u' ', origin);
            space = false;
        }
        switch (c.unicode()) {
        case 0x00DF:
            put(u"ss"_s, origin);
            return; // ß
        case 0x0141:
        case 0x0142:
            put(u'l', origin);
            return; // Ł ł
        case 0x00D8:
        case 0x00F8:
            put(u'o', origin);
            return; // Ø ø
        case 0x00C6:
        case 0x00E6:
            put(u"ae"_s, origin);
            return; // Æ æ
        case 0x0152:
        case 0x0153:
            put(u"oe"_s, origin);
            return; // Œ œ
        case 0x0110:
        case 0x0111:
            put(u'd', origin);
            return; // Đ đ
        case 0x0131:
            put(u'i', origin);
            return; // ı
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x02BC:
        case 0x00B4:
        case 0x0060:
            put(u'\'', origin);
            return; // ‘ ’ ‛ ʼ ´ `
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            put(u'"', origin);
            return; // “ ” „ « »
        default:
            break;
        }
        put(c.toLower(), origin);
    }
};

} // namespace

QString fold(const QString &text, QList<qsizetype> *origins)
{
    Folder f;
    f.origins = origins;
    f.out.reserve(text.size());
    if (origins) {
        origins->clear();
        origins->reserve(text.size());
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        QChar c = text.at(i);
        // Spacing accents used as apostrophes ("don´t") would decompose to a space plus a mark.
        if (c == QChar(0x00B4) || c == QChar(0x02CA))
            c = u'\'';
        // Compatibility decomposition character by character (NFKD only reorders combining marks
        // across characters, and those are dropped): plain letters skip the normalizer.
        const bool pair = c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate();
        const char32_t ucs4 = pair ? QChar::surrogateToUcs4(c, text.at(i + 1)) : c.unicode();
        if (QChar::decompositionTag(ucs4) != QChar::NoDecomposition) {
            const QString piece = QString::fromUcs4(&ucs4, 1).normalized(QString::NormalizationForm_KD);
            for (const QChar d : piece)
                f.add(d, i);
        } else {
            f.add(c, i);
            if (pair)
                f.add(text.at(i + 1), i);
        }
        i += pair ? 1 : 0;
    }
    return f.out;
}

} // namespace tandem::server::judgement
