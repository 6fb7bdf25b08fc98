#include "FactRoles.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

using Kind = Entity::Kind;

constexpr int kBefore = 60;            // chars of context read before a value
constexpr int kAfter = 40;             // ...and after it
constexpr double kAfterWeight = 1.5;   // "paid £45" says more than "£45 ... paid"
constexpr double kWeakPenalty = 15.0;  // "was", "will": tense alone is a hint
constexpr double kCommaPenalty = 20.0; // a cue across a comma belongs less to the value
constexpr double kJoinPenalty = 25.0;  // "... and ...", "... but ...": another clause
// (only unambiguous words: "en", "i", "e", "ja" are also articles, pronouns or "yes")
constexpr double kClaimReach = 50.0; // a claim this close makes the value claimed

enum Scope
{
    Amounts = 1,
    Dates = 2,
    Both = 3
};

struct Cue
{
    FactRole role;
    int scope;
    bool weak;
    QRegularExpression re;
};

struct CueList
{
    FactRole role;
    int scope;
    bool weak;
    QStringList words; //!< regex fragments, matched as whole words, case-insensitively
};

// One list per role and kind, every language in each (en, sv, de, es, fr, nl, fi, pl, it, pt).
// Inflections are spelled out or written as "stem\p{L}*" where the stem cannot mean anything else.
const std::vector<Cue> &cues()
{
    static const std::vector<Cue> list = [] {
        const QList<CueList> raw{
            // Amounts paid or charged.
            {FactRole::Past,
             Amounts,
             false,
             {u"paid"_s, u"charged"_s, u"charges?"_s, u"debited"_s, u"deducted"_s, u"taken"_s, u"took"_s,
              u"billed"_s, u"spent"_s, u"bought"_s, u"purchased"_s, u"duplicate"_s, u"twice"_s, u"last"_s,
              u"previous(?:ly)?"_s, u"yesterday"_s, u"ago"_s, u"already"_s,
              // sv
              u"betalade"_s, u"betalat"_s, u"betalt"_s, u"betalades"_s, u"debiterade?s?"_s, u"debiterats"_s,
              u"dubbeldebiter\\p{L}*"_s, u"drogs"_s, u"dragits"_s, u"drog"_s, u"tog"_s, u"köpte"_s,
              u"förra"_s, u"senaste"_s, u"igår"_s, u"sedan"_s, u"redan"_s,
              // de
              u"bezahlt"_s, u"gezahlt"_s, u"abgebucht"_s, u"belastet"_s, u"berechnet"_s, u"abgezogen"_s,
              u"eingezogen"_s, u"gekauft"_s, u"doppelt"_s, u"letzte[nmrs]?"_s, u"vorige[nmrs]?"_s,
              u"gestern"_s, u"bereits"_s, u"schon"_s,
              // es
              u"pagu[ée]"_s, u"pagado"_s, u"pagó"_s, u"cobrad[oa]s?"_s, u"cobraron"_s, u"cobró"_s,
              u"cargad[oa]s?"_s, u"cargaron"_s, u"descontad[oa]s?"_s, u"compr[ée]"_s, u"dos veces"_s,
              u"duplicad[oa]s?"_s, u"últim[oa]"_s, u"pasad[oa]"_s, u"anterior"_s, u"ayer"_s, u"hace"_s,
              // fr
              u"payée?s?"_s, u"réglée?s?"_s, u"débitée?s?"_s, u"prélevée?s?"_s, u"facturée?s?"_s,
              u"achetée?s?"_s, u"deux fois"_s, u"doublon"_s, u"dernière?"_s, u"précédente?"_s, u"hier"_s,
              u"il y a"_s, u"déjà"_s,
              // nl
              u"betaald"_s, u"afgeschreven"_s, u"afgeboekt"_s, u"in rekening gebracht"_s, u"gekocht"_s,
              u"dubbel"_s, u"vorige"_s, u"gisteren"_s, u"geleden"_s,
              // fi
              u"maksoin"_s, u"maksoimme"_s, u"maksettu"_s, u"maksettiin"_s, u"maksanut"_s, u"veloitettiin"_s,
              u"veloitettu"_s, u"veloitti"_s, u"peritty"_s, u"perittiin"_s, u"ostin"_s, u"kahdesti"_s,
              u"kahteen kertaan"_s, u"viime"_s, u"edellinen"_s, u"edellisen"_s, u"eilen"_s, u"sitten"_s,
              // pl
              u"zapłaci(?:łe|ła|li|ły)\\p{L}*"_s, u"zapłacił"_s, u"zapłacon\\p{L}*"_s, u"pobrano"_s,
              u"pobra(?:ł|li|ły)\\p{L}*"_s, u"obciążon\\p{L}*"_s, u"obciąży(?:ł|li)\\p{L}*"_s,
              u"kupi(?:łe|ła|li)\\p{L}*"_s, u"dwukrotnie"_s, u"dwa razy"_s, u"ostatni\\p{L}*"_s,
              u"poprzedni\\p{L}*"_s, u"wczoraj"_s, u"temu"_s,
              // it
              u"pagat[oaie]"_s, u"addebitat[oaie]"_s, u"addebit[oi]"_s, u"prelevat[oaie]"_s,
              u"scalat[oaie]"_s, u"comprat[oaie]"_s, u"acquistat[oaie]"_s, u"due volte"_s, u"ultim[oaie]"_s,
              u"scors[oaie]"_s, u"precedente"_s, u"ieri"_s, u"già"_s,
              // pt
              u"paguei"_s, u"pagou"_s, u"pagámos"_s, u"debitad[oa]s?"_s, u"comprei"_s, u"duas vezes"_s,
              u"passad[oa]"_s, u"ontem"_s, u"atrás"_s, u"já"_s}},
            {FactRole::Past, Amounts, true, {u"was"_s,       u"were"_s,   u"var"_s,     u"blev"_s,
                                             u"war"_s,       u"waren"_s,  u"wurden?"_s, u"era"_s,
                                             u"fue"_s,       u"fueron"_s, u"était"_s,   u"étaient"_s,
                                             u"werd"_s,      u"werden"_s, u"oli"_s,     u"olivat"_s,
                                             u"był[aoy]?"_s, u"erano"_s,  u"foi"_s,     u"foram"_s}},
            // Amounts due, owed, next.
            {FactRole::Due,
             Amounts,
             false,
             {u"due"_s, u"owe"_s, u"owed"_s, u"owing"_s, u"outstanding"_s, u"remaining"_s, u"remainder"_s,
              u"balance"_s, u"unpaid"_s, u"left to pay"_s, u"next"_s, u"upcoming"_s, u"coming"_s,
              u"scheduled"_s, u"(?:still |need to |have to )pay"_s, u"currently"_s,
              u"will be (?:charged|taken|collected|debited)"_s,
              // sv
              u"förfaller"_s, u"förfallodag\\p{L}*"_s, u"nästa"_s, u"kommande"_s, u"återstående"_s, u"kvar"_s,
              u"skuld"_s, u"saldo"_s, u"obetald\\p{L}*"_s, u"utestående"_s, u"att betala"_s, u"ska betala"_s,
              u"dras"_s, u"debiteras"_s,
              // de
              u"fällig\\p{L}*"_s, u"nächste[nmrs]?"_s, u"kommende[nmrs]?"_s, u"offene[nmrs]?"_s, u"offen"_s,
              u"ausstehende?[nmrs]?"_s, u"restbetrag"_s, u"restschuld"_s, u"rest"_s, u"schulde"_s,
              u"noch zu zahlen"_s, u"zu zahlen"_s, u"wird abgebucht"_s, u"werden abgebucht"_s,
              u"anstehende?[nmrs]?"_s,
              // es
              u"vence"_s, u"vencimiento"_s, u"próxim[oa]"_s, u"siguiente"_s, u"pendiente"_s, u"restante"_s,
              u"debo"_s, u"adeudo"_s, u"por pagar"_s, u"tengo que pagar"_s, u"se cobrará"_s,
              u"(?:me )?cobrarán"_s, u"actualmente"_s,
              // fr
              u"échéance"_s, u"prochaine?"_s, u"suivante?"_s, u"dûe?s?"_s, u"dus"_s, u"restante?"_s,
              u"solde"_s, u"reste à payer"_s, u"à payer"_s, u"je dois"_s, u"sera prélevée?"_s,
              u"seront prélevée?s"_s, u"à venir"_s, u"actuellement"_s,
              // nl
              u"vervalt"_s, u"vervaldatum"_s, u"volgende"_s, u"komende"_s, u"openstaand\\p{L}*"_s,
              u"resterend\\p{L}*"_s, u"verschuldigd"_s, u"nog te betalen"_s, u"moet betalen"_s,
              u"wordt afgeschreven"_s, u"nog open"_s,
              // fi
              u"erääntyy"_s, u"eräpäivä\\p{L}*"_s, u"seuraava\\p{L}*"_s, u"tuleva\\p{L}*"_s, u"jäljellä"_s,
              u"avoin\\p{L}*"_s, u"velka\\p{L}*"_s, u"maksettava\\p{L}*"_s, u"veloitetaan"_s,
              u"(?:pitää|täytyy) maksaa"_s,
              // pl
              u"termin\\p{L}*"_s, u"następn\\p{L}*"_s, u"kolejn\\p{L}*"_s, u"zaległ\\p{L}*"_s,
              u"pozostał\\p{L}*"_s, u"do zapłaty"_s, u"(?:muszę|mam) zapłacić"_s, u"należn\\p{L}*"_s,
              u"płatn\\p{L}*"_s, u"zostanie pobran\\p{L}*"_s,
              // it
              u"scadenza"_s, u"scade"_s, u"prossim[oaie]"_s, u"successiv[oaie]"_s, u"residu[oaie]"_s,
              u"dovut[oaie]"_s, u"devo"_s, u"da pagare"_s, u"in sospeso"_s,
              u"(?:sarà|verrà) addebitat[oaie]"_s, u"attualmente"_s,
              // pt
              u"vencimento"_s, u"próxim[oa]s?"_s, u"seguinte"_s, u"pendente"_s, u"em dívida"_s, u"a pagar"_s,
              u"será (?:cobrad|debitad)[oa]"_s, u"atualmente"_s}},
            {FactRole::Due,
             Amounts,
             true,
             {u"will"_s, u"going to"_s, u"ska"_s, u"kommer att"_s, u"wird"_s, u"será"_s, u"sera"_s,
              u"seront"_s, u"wordt"_s, u"zal"_s, u"tulee"_s, u"będzie"_s, u"sarà"_s, u"verrà"_s}},
            // Refund amounts.
            {FactRole::Refund, Amounts, false, {u"refunds?"_s,         u"refunded"_s,
                                                u"reimburs\\p{L}*"_s,  u"money back"_s,
                                                u"credited back"_s,    u"paid back"_s,
                                                u"återbetal\\p{L}*"_s, u"pengarna tillbaka"_s,
                                                u"krediter\\p{L}*"_s,  u"rückerstattung"_s,
                                                u"erstattung"_s,       u"erstattet"_s,
                                                u"zurückerstattet"_s,  u"zurückgezahlt"_s,
                                                u"zurücküberwiesen"_s, u"geld zurück"_s,
                                                u"gutschrift"_s,       u"reembols\\p{L}*"_s,
                                                u"devoluci[oó]n"_s,    u"devuelt[oa]s?"_s,
                                                u"devolvieron"_s,      u"rembours\\p{L}*"_s,
                                                u"terugbeta\\p{L}*"_s, u"restitutie"_s,
                                                u"teruggestort"_s,     u"geld terug"_s,
                                                u"hyvity\\p{L}*"_s,    u"hyvitet\\p{L}*"_s,
                                                u"palautu\\p{L}*"_s,   u"palautet\\p{L}*"_s,
                                                u"rahat takaisin"_s,   u"zwrot\\p{L}*"_s,
                                                u"zwrócon\\p{L}*"_s,   u"zwróci(?:ł|li)\\p{L}*"_s,
                                                u"rimbors\\p{L}*"_s,   u"storn[oaie]"_s,
                                                u"stornat[oaie]"_s,    u"devolu[çc][ãa]o"_s,
                                                u"devolvid[oa]s?"_s,   u"estorn\\p{L}*"_s}},
            // Dates in the past.
            {FactRole::Past,
             Dates,
             false,
             {u"paid"_s, u"ordered"_s, u"bought"_s, u"purchased"_s, u"returned"_s, u"sent"_s, u"posted"_s,
              u"shipped"_s, u"charged"_s, u"placed"_s, u"received"_s, u"delivered"_s, u"happened"_s,
              u"made"_s, u"started"_s, u"since"_s, u"last"_s, u"ago"_s, u"yesterday"_s, u"already"_s,
              u"refunded"_s, u"cancell?ed"_s,
              // sv
              u"betalade"_s, u"betalat"_s, u"beställde"_s, u"beställt"_s, u"köpte"_s, u"köpt"_s,
              u"returnerade"_s, u"returnerat"_s, u"skickade"_s, u"skickat"_s, u"postade"_s, u"fick"_s,
              u"mottog"_s, u"levererades"_s, u"debiterades"_s, u"återbetalades"_s, u"sedan"_s, u"förra"_s,
              u"igår"_s, u"redan"_s,
              // de
              u"bezahlt"_s, u"gezahlt"_s, u"bestellt"_s, u"gekauft"_s, u"zurückgeschickt"_s,
              u"zurückgesendet"_s, u"retourniert"_s, u"geschickt"_s, u"abgeschickt"_s, u"erhalten"_s,
              u"geliefert"_s, u"abgebucht"_s, u"seit"_s, u"letzte[nmrs]?"_s, u"gestern"_s, u"bereits"_s,
              u"schon"_s,
              // es
              u"pagu[ée]"_s, u"ped[ií]"_s, u"compr[ée]"_s, u"devolv[ií]"_s, u"envi[ée]"_s, u"hice"_s,
              u"recib[ií]"_s, u"cobraron"_s, u"desde"_s, u"ayer"_s, u"pasad[oa]"_s, u"hace"_s,
              // fr
              u"payée?"_s, u"commandée?s?"_s, u"achetée?s?"_s, u"retournée?s?"_s, u"renvoyée?s?"_s,
              u"envoyée?s?"_s, u"reçue?s?"_s, u"livrée?s?"_s, u"débitée?s?"_s, u"prélevée?s?"_s, u"depuis"_s,
              u"hier"_s, u"dernière?"_s, u"il y a"_s, u"déjà"_s,
              // nl
              u"betaald"_s, u"besteld"_s, u"gekocht"_s, u"teruggestuurd"_s, u"geretourneerd"_s,
              u"verstuurd"_s, u"verzonden"_s, u"ontvangen"_s, u"geleverd"_s, u"afgeschreven"_s, u"sinds"_s,
              u"gisteren"_s, u"vorige"_s, u"geleden"_s,
              // fi
              u"maksoin"_s, u"tilasin"_s, u"ostin"_s, u"palautin"_s, u"lähetin"_s, u"sain"_s,
              u"veloitettiin"_s, u"lähtien"_s, u"eilen"_s, u"viime"_s, u"sitten"_s,
              // pl
              u"zapłaci(?:łe|ła|ł|li)\\p{L}*"_s, u"zamówi(?:łe|ła|ł|li)\\p{L}*"_s,
              u"kupi(?:łe|ła|ł|li)\\p{L}*"_s, u"zwróci(?:łe|ła|ł|li)\\p{L}*"_s, u"odesła\\p{L}*"_s,
              u"wysła(?:łe|ła|ł|li)\\p{L}*"_s, u"otrzyma(?:łe|ła|ł|li)\\p{L}*"_s, u"pobrano"_s, u"wczoraj"_s,
              u"temu"_s, u"ostatni\\p{L}*"_s,
              // it
              u"pagat[oaie]"_s, u"ordinat[oaie]"_s, u"comprat[oaie]"_s, u"acquistat[oaie]"_s,
              u"restituit[oaie]"_s, u"spedit[oaie]"_s, u"inviat[oaie]"_s, u"ricevut[oaie]"_s,
              u"addebitat[oaie]"_s, u"ieri"_s, u"scors[oaie]"_s, u"già"_s,
              // pt
              u"paguei"_s, u"encomendei"_s, u"pedi"_s, u"comprei"_s, u"devolvi"_s, u"enviei"_s, u"recebi"_s,
              u"ontem"_s, u"passad[oa]"_s, u"atrás"_s, u"já"_s}},
            {FactRole::Past,
             Dates,
             true,
             {u"was"_s, u"were"_s, u"did"_s, u"var"_s, u"blev"_s, u"war"_s, u"wurden?"_s, u"habe"_s,
              u"hatte"_s, u"fue"_s, u"era"_s, u"était"_s, u"a été"_s, u"werd"_s, u"heb"_s, u"oli"_s,
              u"był[aoy]?"_s, u"è stat[oa]"_s, u"foi"_s}},
            // Due or future dates.
            {FactRole::Due,
             Dates,
             false,
             {u"due"_s, u"next"_s, u"upcoming"_s, u"scheduled"_s, u"deadline"_s, u"until"_s, u"expected"_s,
              u"expect"_s,
              // sv
              u"förfaller"_s, u"förfallodag\\p{L}*"_s, u"nästa"_s, u"kommande"_s, u"senast"_s,
              u"till och med"_s, u"ska dras"_s, u"dras"_s,
              // de
              u"fällig\\p{L}*"_s, u"nächste[nmrs]?"_s, u"kommende[nmrs]?"_s, u"spätestens"_s, u"frist"_s,
              u"geplant"_s, u"bis zum"_s,
              // es
              u"vence"_s, u"vencimiento"_s, u"próxim[oa]"_s, u"plazo"_s, u"hasta"_s, u"antes del"_s,
              u"previst[oa]"_s, u"se cobrará"_s,
              // fr
              u"échéance"_s, u"prochaine?"_s, u"jusqu'au"_s, u"avant le"_s, u"d'ici le"_s, u"au plus tard"_s,
              u"prévue?"_s, u"sera prélevée?"_s, u"à venir"_s,
              // nl
              u"vervalt"_s, u"vervaldatum"_s, u"volgende"_s, u"komende"_s, u"uiterlijk"_s, u"gepland"_s,
              u"verwacht"_s,
              // fi
              u"erääntyy"_s, u"eräpäivä\\p{L}*"_s, u"seuraava\\p{L}*"_s, u"tuleva\\p{L}*"_s, u"viimeistään"_s,
              u"mennessä"_s, u"asti"_s, u"veloitetaan"_s,
              // pl
              u"termin\\p{L}*"_s, u"następn\\p{L}*"_s, u"kolejn\\p{L}*"_s, u"najpóźniej"_s, u"do dnia"_s,
              u"upływa"_s, u"zostanie"_s,
              // it
              u"scadenza"_s, u"scade"_s, u"prossim[oaie]"_s, u"entro"_s, u"fino al"_s, u"previst[oaie]"_s,
              // pt
              u"vencimento"_s, u"próxim[oa]s?"_s, u"prazo"_s, u"até"_s, u"previst[oa]"_s}},
            {FactRole::Due, Dates, true, {u"will"_s,   u"should"_s, u"going to"_s, u"by"_s,     u"ska"_s,
                                          u"kommer"_s, u"tills"_s,  u"wird"_s,     u"werden"_s, u"soll"_s,
                                          u"bis"_s,    u"será"_s,   u"va a"_s,     u"sera"_s,   u"seront"_s,
                                          u"va"_s,     u"wordt"_s,  u"zal"_s,      u"tot"_s,    u"tulee"_s,
                                          u"będzie"_s, u"sarà"_s,   u"verrà"_s,    u"vai"_s}},
            // Claims: the customer says someone approved, promised, agreed or offered it.
            {FactRole::Claimed,
             Both,
             false,
             {u"approved"_s, u"promised"_s, u"agreed"_s, u"offered"_s, u"guaranteed"_s, u"authori[sz]ed"_s,
              u"granted"_s, u"told me"_s, u"said (?:that )?(?:i|we)(?:'d| would| will)"_s, u"assured"_s,
              u"supposed to (?:get|receive)"_s, u"entitled to"_s,
              // sv
              u"godkän\\p{L}*"_s, u"lovade"_s, u"lovat"_s, u"utlovad\\p{L}*"_s, u"erbjöd"_s, u"erbjudit"_s,
              u"beviljad\\p{L}*"_s, u"beviljade"_s,
              // de
              u"genehmigt"_s, u"bewilligt"_s, u"versprochen"_s, u"zugesagt"_s, u"zugesichert"_s,
              u"angeboten"_s, u"garantiert"_s, u"vereinbart"_s, u"zugestanden"_s,
              // es
              u"aprob\\p{L}*"_s, u"prometi\\p{L}*"_s, u"prometid[oa]s?"_s, u"acordad[oa]s?"_s,
              u"ofreci\\p{L}*"_s, u"ofrecid[oa]s?"_s, u"garantizad[oa]s?"_s, u"autorizad[oa]s?"_s,
              u"concedid[oa]s?"_s,
              // fr
              u"approuvée?s?"_s, u"accordée?s?"_s, u"promise?s?"_s, u"proposée?s?"_s, u"garantie?s?"_s,
              u"autorisée?s?"_s, u"convenue?s?"_s,
              // nl
              u"goedgekeurd"_s, u"beloofd"_s, u"toegezegd"_s, u"aangeboden"_s, u"gegarandeerd"_s,
              u"afgesproken"_s,
              // fi
              u"hyväksyi"_s, u"hyväksytty"_s, u"hyväksyttiin"_s, u"lupasi"_s, u"luvattu"_s, u"luvattiin"_s,
              u"myönsi"_s, u"myönnetty"_s, u"myönnettiin"_s, u"tarjosi"_s, u"tarjottiin"_s,
              // pl
              u"zatwierdz\\p{L}*"_s, u"obieca\\p{L}*"_s, u"przyzna\\p{L}*"_s, u"zaakceptowa\\p{L}*"_s,
              u"zgodzi\\p{L}*"_s, u"zaoferowa\\p{L}*"_s,
              // it
              u"approvat[oaie]"_s, u"approvò"_s, u"promess[oaie]"_s, u"promesso"_s, u"concess[oaie]"_s,
              u"garantit[oaie]"_s, u"autorizzat[oaie]"_s, u"offert[oaie]"_s,
              // pt
              u"aprovad[oa]s?"_s, u"aprovou"_s, u"aprovaram"_s, u"prometeu"_s, u"prometeram"_s,
              u"garantid[oa]s?"_s, u"autorizad[oa]s?"_s, u"ofereceu"_s, u"ofereceram"_s}}};
        const auto options =
            QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
        std::vector<Cue> out;
        for (const CueList &c : raw) {
            const QString re = u"(?<![\\p{L}\\p{N}])(?:"_s + c.words.join(u'|') + u")(?![\\p{L}\\p{N}])"_s;
            out.push_back({c.role, c.scope, c.weak, QRegularExpression(re, options)});
        }
        // "we'll", "it'll": the apostrophe follows a letter, so it gets a cue of its own.
        out.push_back({FactRole::Due, Both, true, QRegularExpression(u"['’]ll(?![\\p{L}])"_s, options)});
        return out;
    }();
    return list;
}

const QRegularExpression &joinWords()
{
    static const QRegularExpression re(
        u"(?<![\\p{L}])(?:and|but|however|och|men|und|aber|y|pero|et|mais|maar|mutta|ale|ma|mas)"
        u"(?![\\p{L}])"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return re;
}

bool endsClause(const QString &text, int i)
{
    const QChar c = text.at(i);
    if (c == u'\n' || c == u';')
        return true;
    if (c != u'.' && c != u'!' && c != u'?')
        return false;
    return i + 1 >= text.size() || text.at(i + 1).isSpace();
}

struct Hit
{
    FactRole role;
    int start;
    int end;
    bool weak;
};

// The role from the cues in \a text around [start, end); Claimed only when \a claims.
FactRole roleAt(const QString &text, int start, int end, Kind kind, bool claims)
{
    int left = std::max(0, start - kBefore);
    for (int i = start - 1; i >= left; --i) {
        if (endsClause(text, i)) {
            left = i + 1;
            break;
        }
    }
    int right = std::min(int(text.size()), end + kAfter);
    for (int i = end; i < right; ++i) {
        if (endsClause(text, i)) {
            right = i;
            break;
        }
    }
    const int scope = kind == Kind::Amount ? Amounts : Dates;
    std::vector<Hit> hits;
    for (const Cue &c : cues()) {
        if (!(c.scope & scope) || (c.role == FactRole::Claimed && !claims))
            continue;
        auto it = c.re.globalMatch(text, left);
        while (it.hasNext()) {
            const auto m = it.next();
            const int s = int(m.capturedStart());
            const int e = int(m.capturedEnd());
            if (e > right)
                break;
            if (e > start && s < end)
                continue; // inside the value itself
            hits.push_back({c.role, s, e, c.weak});
        }
    }
    // "sera prélevé" is due although "prélevé" alone is past: a cue inside a longer one yields.
    std::vector<Hit> kept;
    for (const Hit &h : hits) {
        const bool inner = std::any_of(hits.cbegin(), hits.cend(), [&](const Hit &o) {
            return (o.start <= h.start && o.end >= h.end) && (o.end - o.start > h.end - h.start);
        });
        if (!inner)
            kept.push_back(h);
    }
    auto separators = [&](int from, int to) {
        double penalty = 0.0;
        for (int i = from; i < to; ++i) {
            if (text.at(i) == u',')
                penalty += kCommaPenalty;
        }
        auto it = joinWords().globalMatch(text, from);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.capturedEnd() > to)
                break;
            penalty += kJoinPenalty;
        }
        return penalty;
    };
    double best = 1e9;
    double bestClaim = 1e9;
    FactRole role = FactRole::Unknown;
    for (const Hit &h : kept) {
        double d = h.end <= start ? double(start - h.end) + separators(h.end, start)
                                  : double(h.start - end) * kAfterWeight + separators(end, h.start);
        if (h.weak)
            d += kWeakPenalty;
        if (h.role == FactRole::Claimed) {
            bestClaim = std::min(bestClaim, d);
        } else if (d < best) {
            best = d;
            role = h.role;
        }
    }
    if (bestClaim <= kClaimReach)
        return FactRole::Claimed;
    return role;
}

const QRegularExpression &placeholder()
{
    static const QRegularExpression re(u"\\{\\{?\\s*([^{}\\n]{1,80}?)\\s*\\}?\\}"_s);
    return re;
}

} // namespace

FactRole FactRoles::ofValue(const QString &text, int start, int length, Entity::Kind kind)
{
    if (start < 0 || start + length > text.size())
        return FactRole::Unknown;
    return roleAt(text, start, start + length, kind, true);
}

FactRole FactRoles::ofSlot(const QString &templateText, int start, int length, const QString &label,
                           Entity::Kind kind)
{
    // The label first: "Amount Due" and "Due Date" say it themselves.
    QString spaced = label;
    spaced.replace(u'_', u' ');
    const QString padded = u"  "_s + spaced + u"  "_s;
    if (const FactRole fromLabel = roleAt(padded, 0, 1, kind, false); fromLabel != FactRole::Unknown)
        return fromLabel;
    // Then the words around the slot, each other placeholder collapsed to one neutral character.
    QString collapsed;
    int slotStart = -1;
    int slotEnd = -1;
    qsizetype last = 0;
    auto it = placeholder().globalMatch(templateText);
    while (it.hasNext()) {
        const auto m = it.next();
        collapsed += QStringView(templateText).mid(last, m.capturedStart() - last);
        if (m.capturedStart() == start && m.capturedLength() == length) {
            slotStart = int(collapsed.size());
            collapsed += u'#';
            slotEnd = int(collapsed.size());
        } else {
            collapsed += u'_';
        }
        last = m.capturedEnd();
    }
    collapsed += QStringView(templateText).mid(last);
    if (slotStart < 0)
        return FactRole::Unknown;
    return roleAt(collapsed, slotStart, slotEnd, kind, false);
}

bool FactRoles::fits(FactRole slot, FactRole value, Entity::Kind kind)
{
    if (value == FactRole::Claimed)
        return false;
    if (slot == FactRole::Unknown)
        return true;
    if (kind == Kind::Date && value == FactRole::Refund)
        value = FactRole::Past;
    return slot == value;
}

QString FactRoles::describe(FactRole role, Entity::Kind kind)
{
    const bool amount = kind != Kind::Date;
    switch (role) {
    case FactRole::Unknown:
        return amount ? u"an amount with no clear role"_s : u"a date with no clear role"_s;
    case FactRole::Past:
        return amount ? u"an amount already paid or charged"_s : u"a past date"_s;
    case FactRole::Refund:
        return amount ? u"a refund amount"_s : u"a past date"_s;
    case FactRole::Due:
        return amount ? u"an amount due or still to pay"_s : u"a due or future date"_s;
    case FactRole::Claimed:
        return amount ? u"an amount the customer says was approved or promised"_s
                      : u"a date the customer says was promised"_s;
    }
    return {};
}

QString FactRoles::name(FactRole role)
{
    switch (role) {
    case FactRole::Unknown:
        return u"unknown"_s;
    case FactRole::Past:
        return u"past"_s;
    case FactRole::Refund:
        return u"refund"_s;
    case FactRole::Due:
        return u"due"_s;
    case FactRole::Claimed:
        return u"claimed"_s;
    }
    return {};
}

} // namespace tandem::server
