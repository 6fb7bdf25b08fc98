#include "TextFolding.h"

using namespace Qt::StringLiterals;

namespace tandem::server::judgement {

QString fold(const QString &text)
{
    // Spacing accents used as apostrophes ("don´t") would decompose to a space plus a mark.
    QString apostrophes = text;
    apostrophes.replace(QChar(0x00B4), u'\'').replace(QChar(0x02CA), u'\'');
    const QString decomposed = apostrophes.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    bool space = false;
    for (const QChar c : decomposed) {
        const QChar::Category cat = c.category();
        if (cat == QChar::Mark_NonSpacing || cat == QChar::Mark_Enclosing)
            continue; // combining accents, Arabic harakat
        if (c.isSpace()) {
            space = !out.isEmpty();
            continue;
        }
        if (space) {
            out += u' ';
            space = false;
        }
        switch (c.unicode()) {
        case 0x00DF:
            out += u"ss"_s;
            continue; // ß
        case 0x0141:
        case 0x0142:
            out += u'l';
            continue; // Ł ł
        case 0x00D8:
        case 0x00F8:
            out += u'o';
            continue; // Ø ø
        case 0x00C6:
        case 0x00E6:
            out += u"ae"_s;
            continue; // Æ æ
        case 0x0152:
        case 0x0153:
            out += u"oe"_s;
            continue; // Œ œ
        case 0x0110:
        case 0x0111:
            out += u'd';
            continue; // Đ đ
        case 0x0131:
            out += u'i';
            continue; // ı
        case 0x2018:
        case 0x2019:
        case 0x201B:
        case 0x02BC:
        case 0x00B4:
        case 0x0060:
            out += u'\'';
            continue; // ‘ ’ ‛ ʼ ´ `
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x00AB:
        case 0x00BB:
            out += u'"';
            continue; // “ ” „ « »
        default:
            break;
        }
        out += c.toLower();
    }
    return out;
}

} // namespace tandem::server::judgement
