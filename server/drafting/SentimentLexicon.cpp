#include "SentimentLexicon.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace tandem::server {
namespace {

// Each list is "entry:valence" separated by spaces; '_' joins the tokens of a phrase and a
// trailing '*' marks a stem. Lists, not code, so a reviewer fluent in the language can check them.
struct RawLexicon
{
    const char16_t *words;
    const char16_t *boosters;
    const char16_t *negators;
    const char16_t *contrast;
};

const RawLexicon kEnglish{
    u"angry:-3 furious:-3.5 livid:-3.5 outraged:-3.5 outrageous:-3.5 unacceptable:-3 ridiculous:-2.5 "
    u"absurd:-2.5 terrible:-3 awful:-3 horrible:-3 horrendous:-3.5 appalling:-3.5 appalled:-3.5 "
    u"worst:-3.5 bad:-2 poor:-2 disappoint*:-2.5 frustrat*:-2.5 annoyed:-2 annoying:-2 irritat*:-2 "
    u"upset:-2.5 useless:-3 incompetent:-3 pathetic:-3 disgust*:-3.5 disgraceful:-3.5 shameful:-3 "
    u"shocking:-2.5 shocked:-2 scam:-3.5 scammed:-3.5 scammers:-3.5 ripoff:-3 rip_off:-3 fraud:-2 "
    u"liar:-3 liars:-3 lied:-2.5 lies:-2.5 rude:-2.5 unhelpful:-2.5 unprofessional:-3 hate:-3 "
    u"hated:-3 nightmare:-3 disaster:-3.5 joke:-1.5 waste:-2 wasted:-2 waste_of_time:-3 worried:-1.5 "
    u"worry:-1.2 worrying:-1.5 stressed:-2 stressful:-2 anxious:-2 desperate:-2.5 confused:-1 "
    u"confusing:-1.5 problem:-1 problems:-1 issue:-0.8 wrong:-1.5 error:-1 broken:-2 failed:-1.5 "
    u"fail:-1.5 failing:-1.5 declined:-1 delay:-1.2 delayed:-1.5 late:-1 ignored:-2.5 ignoring:-2.5 "
    u"unfair:-2.5 sad:-2 unhappy:-2.5 dissatisfied:-2.5 complaint:-1.5 complain:-1.5 sue:-2 lawyer:-1.5 "
    u"fed_up:-2.5 sick_of:-2.5 had_enough:-2.5 doesn't_work:-2 does_not_work:-2 not_working:-2 "
    u"still_waiting:-2 no_response:-2 no_answer:-2 no_one:-1.5 nobody_answers:-2.5 "
    u"thanks:1.5 thank:1.5 grateful:2.5 appreciate:2 appreciated:2 great:3 good:1.9 excellent:3.2 "
    u"amazing:3 awesome:3 fantastic:3.2 wonderful:3 perfect:3 love:3 lovely:2.8 happy:2.7 pleased:2.3 "
    u"glad:2 helpful:2.3 nice:1.8 brilliant:3 superb:3.2 quick:1 fast:1 easy:1.5 satisfied:2 kind:2 "
    u"friendly:2 resolved:1.5 fixed:1.2 delighted:3 impressed:2.5 smooth:1.5 best:3 cheers:1.5",
    u"very:0.3 really:0.3 extremely:0.5 so:0.3 totally:0.4 absolutely:0.5 completely:0.4 incredibly:0.5 "
    u"utterly:0.5 super:0.3 too:0.2 highly:0.3 seriously:0.3 truly:0.3 such:0.2 most:0.3 "
    u"slightly:-0.4 somewhat:-0.3 bit:-0.3 little:-0.3 barely:-0.4 fairly:-0.2 rather:-0.2 quite:-0.1",
    u"not no never none nobody nothing neither nor without cannot hardly",
    u"but however although though yet"};

const RawLexicon kSwedish{
    u"arg:-3 arga:-3 förbannad:-3.5 rasande:-3.5 upprörd:-2.5 oacceptab*:-3 löjlig*:-2.5 "
    u"fruktansvärd*:-3 hemsk*:-3 dålig*:-2 sämst:-3.5 sämsta:-3.5 besvik*:-2.5 frustrer*:-2.5 "
    u"irriter*:-2 ledsen:-2 värdelös*:-3 inkompetent*:-3 skandal*:-3.5 bedrägeri:-2 bluff:-3 lurad:-3 "
    u"lurade:-3 oförskämd*:-2.5 hatar:-3 trött:-1.5 mardröm:-3 katastrof*:-3.5 skämt:-1.5 slöseri:-2 "
    u"orolig:-1.5 oro:-1.2 stressad:-2 desperat:-2.5 förvirrad:-1 problem:-1 problemet:-1 fel:-1.2 "
    u"felaktig*:-1.5 trasig*:-2 misslyckades:-1.5 nekad*:-1 försenad*:-1.5 ignorerad*:-2.5 "
    u"orättvis*:-2.5 missnöjd*:-2.5 klagomål:-1.5 advokat:-1.5 chockerad:-2.5 oprofessionell*:-3 "
    u"fungerar_inte:-2 funkar_inte:-2 inget_svar:-2 väntar_fortfarande:-2 trött_på:-2.5 fått_nog:-2.5 "
    u"tack:1.5 tacksam:2.5 uppskattar:2 bra:1.9 jättebra:3 utmärkt:3.2 fantastisk*:3.2 underbar*:3 "
    u"perfekt:3 älskar:3 glad:2.5 nöjd:2.3 nöjda:2.3 hjälpsam*:2.3 trevlig*:2 snabb:1 snabbt:1 "
    u"enkelt:1.5 lätt:1 löst:1.5 toppen:3 grymt:2.5 vänlig*:2 härligt:2.5 smidigt:1.5 bäst:3 bästa:3",
    u"mycket:0.3 väldigt:0.3 extremt:0.5 otroligt:0.5 helt:0.3 totalt:0.4 verkligen:0.3 så:0.2 "
    u"riktigt:0.3 jätte:0.3 absolut:0.4 ganska:-0.1 lite:-0.3 något:-0.2 knappt:-0.4",
    u"inte ej aldrig ingen inget inga utan varken knappast", u"men dock fast"};

const RawLexicon kGerman{
    u"wütend:-3.5 sauer:-2.5 verärgert:-3 empört:-3.5 inakzeptabel:-3 unverschämt*:-3 lächerlich:-2.5 "
    u"schrecklich:-3 furchtbar:-3 schlecht*:-2 schlimm:-2.5 schlimmste*:-3.5 enttäusch*:-2.5 "
    u"frustrier*:-2.5 genervt:-2 ärgerlich:-2 nutzlos:-3 inkompetent:-3 skandal*:-3.5 betrug:-2 "
    u"betrogen:-3 abzocke:-3.5 unhöflich:-2.5 hasse:-3 müde:-1.5 albtraum:-3 alptraum:-3 witz:-1.5 "
    u"verschwendung:-2 besorgt:-1.5 sorge:-1.2 sorgen:-1.2 gestresst:-2 verzweifelt:-2.5 verwirrt:-1 "
    u"problem:-1 probleme:-1 fehler:-1.2 falsch:-1.5 kaputt:-2 fehlgeschlagen:-1.5 abgelehnt:-1 "
    u"verspätet:-1.5 ignoriert:-2.5 unfair:-2.5 traurig:-2 unzufrieden:-2.5 beschwerde:-1.5 anwalt:-1.5 "
    u"klage:-1.5 schockiert:-2.5 unprofessionell:-3 katastroph*:-3.5 funktioniert_nicht:-2 "
    u"keine_antwort:-2 warte_immer_noch:-2 nase_voll:-3 reicht_mir:-2.5 "
    u"danke:1.5 dankbar:2.5 vielen_dank:2 gut:1.9 super:2.5 toll:2.8 großartig:3 ausgezeichnet:3.2 "
    u"hervorragend:3.2 fantastisch:3.2 wunderbar:3 perfekt:3 froh:2.3 glücklich:2.7 zufrieden:2.3 "
    u"hilfreich:2.3 nett:2 freundlich:2 schnell:1 einfach:1 gelöst:1.5 klasse:2.8 prima:2.5 bestens:3",
    u"sehr:0.3 wirklich:0.3 extrem:0.5 total:0.4 völlig:0.4 absolut:0.5 echt:0.3 so:0.2 äußerst:0.5 "
    u"besonders:0.3 unglaublich:0.5 komplett:0.4 ziemlich:0.1 etwas:-0.3 bisschen:-0.3 leicht:-0.3 "
    u"kaum:-0.4",
    u"nicht kein keine keinen keinem keiner nie niemals nichts ohne weder", u"aber jedoch doch allerdings"};

const RawLexicon kSpanish{
    u"enfadado:-3 enfadada:-3 enojado:-3 enojada:-3 furioso:-3.5 furiosa:-3.5 indignad*:-3 "
    u"inaceptable:-3 ridícul*:-2.5 terrible:-3 horrible:-3 fatal:-3 pésim*:-3.5 malo:-2 mala:-2 mal:-1.8 "
    u"peor:-3 decepcion*:-2.5 decepción:-2.5 frustrad*:-2.5 frustrante:-2.5 molest*:-2 harto:-2.5 "
    u"harta:-2.5 inútil*:-3 incompetente*:-3 vergüenza:-3 vergonzoso:-3 estafa*:-3.5 fraude:-2 "
    u"mentira*:-2.5 grosero:-2.5 odio:-3 pesadilla:-3 broma:-1.5 preocupad*:-1.5 preocupación:-1.2 "
    u"estresad*:-2 desesperad*:-2.5 confundid*:-1 problema:-1 problemas:-1 error:-1.2 roto:-2 "
    u"fallido:-1.5 rechazad*:-1 retraso:-1.2 ignorad*:-2.5 injusto:-2.5 triste:-2 insatisfech*:-2.5 "
    u"queja:-1.5 reclamación:-1.5 abogado:-1.5 demanda:-1.5 denuncia:-1.5 indignante:-3 desastre:-3.5 "
    u"no_funciona:-2 sin_respuesta:-2 sigo_esperando:-2 "
    u"gracias:1.5 agradecid*:2.5 agradezco:2 bueno:1.9 buena:1.9 bien:1.5 genial:3 excelente:3.2 "
    u"fantástic*:3.2 maravillos*:3 perfecto:3 encanta:3 contento:2.5 contenta:2.5 feliz:2.7 "
    u"satisfech*:2.3 útil:2 amable:2 rápido:1 rápida:1 fácil:1.5 resuelto:1.5 estupendo:3 increíble:2.5",
    u"muy:0.3 realmente:0.3 extremadamente:0.5 totalmente:0.4 completamente:0.4 absolutamente:0.5 tan:0.3 "
    u"súper:0.3 super:0.3 increíblemente:0.5 demasiado:0.3 bastante:0.1 poco:-0.3 algo:-0.2 apenas:-0.4",
    u"no nunca jamás ni nada nadie ninguno ninguna sin tampoco", u"pero aunque sino"};

const RawLexicon kFrench{
    u"fâché:-3 fâchée:-3 furieux:-3.5 furieuse:-3.5 énervé*:-2.5 indigné*:-3 inadmissible:-3.5 "
    u"inacceptable:-3 ridicule:-2.5 terrible:-3 horrible:-3 affreux:-3 nul:-2.5 nulle:-2.5 mauvais:-2 "
    u"mauvaise:-2 pire:-3 déçu:-2.5 déçue:-2.5 décevant*:-2.5 déception:-2.5 frustr*:-2.5 agac*:-2 "
    u"marre:-2.5 inutile:-3 incompétent*:-3 honte:-3 honteux:-3 scandal*:-3.5 arnaque*:-3.5 "
    u"escroquerie:-3.5 fraude:-2 mensonge*:-2.5 impoli*:-2.5 déteste:-3 cauchemar:-3 blague:-1.5 "
    u"inquiet:-1.5 inquiète:-1.5 stressé*:-2 désespéré*:-2.5 problème:-1 problèmes:-1 erreur:-1.2 "
    u"cassé*:-2 échoué:-1.5 refusé*:-1 retard:-1.2 ignoré*:-2.5 injuste:-2.5 triste:-2 mécontent*:-2.5 "
    u"plainte:-1.5 réclamation:-1.5 avocat:-1.5 tribunal:-1 catastroph*:-3.5 lamentable:-3 "
    u"fonctionne_pas:-2 marche_pas:-2 pas_de_réponse:-2 aucune_réponse:-2 toujours_pas:-1.5 "
    u"merci:1.5 reconnaissant*:2.5 apprécie:2 bien:1.5 bon:1.9 bonne:1.9 super:2.5 génial*:3 "
    u"excellent*:3.2 parfait*:3 fantastique:3.2 formidable:3 merveilleu*:3 adore:3 content:2.5 "
    u"contente:2.5 heureux:2.7 heureuse:2.7 ravi:3 ravie:3 satisfait*:2.3 utile:2 aimable:2 rapide:1 "
    u"rapidement:0.8 facile:1.5 résolu:1.5 top:2.5",
    u"très:0.3 vraiment:0.3 extrêmement:0.5 totalement:0.4 complètement:0.4 absolument:0.5 tellement:0.4 "
    u"trop:0.3 si:0.2 vachement:0.3 incroyablement:0.5 assez:0.1 peu:-0.3 légèrement:-0.4",
    u"ne pas jamais aucun aucune rien personne sans ni", u"mais cependant pourtant toutefois"};

const RawLexicon kDutch{
    u"boos:-3 woedend:-3.5 kwaad:-3 razend:-3.5 onacceptabel:-3 onaanvaardbaar:-3 belachelijk:-2.5 "
    u"schandalig:-3.5 schande:-3 vreselijk:-3 verschrikkelijk:-3 afschuwelijk:-3.5 slecht:-2 slechte:-2 "
    u"slechtste:-3.5 teleurgesteld:-2.5 teleurstell*:-2.5 gefrustreerd:-2.5 frustrer*:-2.5 geïrriteerd:-2 "
    u"irritant:-2 ergerlijk:-2 nutteloos:-3 waardeloos:-3 incompetent:-3 oplichting:-3.5 oplichters:-3.5 "
    u"opgelicht:-3.5 fraude:-2 bedrog:-3 leugen*:-2.5 onbeschoft:-2.5 haat:-3 nachtmerrie:-3 ramp:-3.5 "
    u"rampzalig:-3.5 grap:-1.5 zorgen:-1.2 bezorgd:-1.5 ongerust:-1.5 gestrest:-2 wanhopig:-2.5 verward:-1 "
    u"probleem:-1 problemen:-1 fout:-1.2 kapot:-2 mislukt:-1.5 geweigerd:-1 vertraging:-1.2 genegeerd:-2.5 "
    u"oneerlijk:-2.5 verdrietig:-2 ontevreden:-2.5 klacht:-1.5 advocaat:-1.5 onprofessioneel:-3 "
    u"geschokt:-2.5 "
    u"werkt_niet:-2 geen_antwoord:-2 geen_reactie:-2 wacht_nog_steeds:-2 het_zat:-2.5 klaar_mee:-2.5 "
    u"bedankt:1.5 dank:1.5 dankjewel:1.5 dankuwel:1.5 dankbaar:2.5 waardeer:2 goed:1.9 goede:1.9 prima:2 "
    u"geweldig:3 uitstekend:3.2 fantastisch:3.2 top:2.5 perfect:3 super:2.5 blij:2.5 tevreden:2.3 "
    u"behulpzaam:2.3 helpt:1.2 vriendelijk:2 aardig:1.8 snel:1 makkelijk:1.5 eenvoudig:1 opgelost:1.5 fijn:2 "
    u"heerlijk:2.5 "
    u"goede_dag:0 goede_morgen:0 goede_middag:0",
    u"heel:0.3 erg:0.3 zeer:0.3 echt:0.3 enorm:0.5 ontzettend:0.5 extreem:0.5 totaal:0.4 volledig:0.4 "
    u"absoluut:0.5 hartstikke:0.4 zo:0.2 behoorlijk:0.1 vrij:-0.1 beetje:-0.3 enigszins:-0.3 nauwelijks:-0.4",
    u"niet geen nooit niets niemand zonder nergens", u"maar echter hoewel toch"};

const RawLexicon kFinnish{
    u"vihainen:-3 vihaisena:-3 raivoissani:-3.5 raivostuttava:-3.5 suuttunut:-3 kiukkuinen:-2.5 "
    u"ärsyttää:-2 ärsyttävä:-2 ärsyttävää:-2 turhautunut:-2.5 turhautt*:-2.5 pettynyt:-2.5 pettymys:-2.5 "
    u"kauhea:-3 kauheaa:-3 kauheasti:-3 hirveä:-3 hirveää:-3 surkea:-3 surkeaa:-3 huono:-2 huonoa:-2 "
    u"huonosti:-1.8 huonoin:-3.5 kelvoton:-3 hyödytön:-3 epäpätevä:-3 törkeä:-3.5 törkeää:-3.5 "
    u"skandaali:-3.5 huijaus:-3.5 huijari*:-3.5 huijattu:-3.5 petos:-2 valehtel*:-2.5 valhe*:-2.5 "
    u"epäkohtelias:-2.5 vihaan:-3 painajainen:-3 katastrofi:-3.5 vitsi:-1.5 huolissani:-1.5 huoli:-1.2 "
    u"huolestunut:-1.5 stressaa:-2 stressaantunut:-2 epätoivoinen:-2.5 hämmentynyt:-1 ongelma:-1 "
    u"ongelmia:-1 virhe:-1.2 rikki:-2 epäonnistui:-1.5 hylättiin:-1 myöhässä:-1.2 viivästynyt:-1.5 "
    u"epäreilu:-2.5 epäreilua:-2.5 surullinen:-2 tyytymätön:-2.5 valitus:-1.5 asianajaja*:-1.5 "
    u"järkyttynyt:-2.5 epäammattimainen:-3 ei_toimi:-2 ei_vastausta:-2 odotan_edelleen:-2 nyt_riittää:-2.5 "
    u"kiitos:1.5 kiitti:1.5 kiitoksia:1.5 kiitollinen:2.5 arvostan:2 hyvä:1.9 hyvää:1.9 hyvin:1.5 "
    u"loistava:3 loistavaa:3 erinomainen:3.2 erinomaista:3.2 mahtava:3 mahtavaa:3 upea:3 upeaa:3 "
    u"täydellinen:3 ihana:2.8 ihanaa:2.8 iloinen:2.5 tyytyväinen:2.3 avulias:2.3 ystävällinen:2 mukava:1.8 "
    u"kiva:2 kivaa:2 nopea:1 nopeasti:1 helppo:1.5 helposti:1.5 ratkesi:1.5 huippu:3 "
    u"hyvää_päivää:0 hyvää_huomenta:0 hyvää_iltaa:0 hyvä_vastaanottaja:0 hyvä_asiakaspalvelu:0",
    u"todella:0.3 tosi:0.3 erittäin:0.3 äärimmäisen:0.5 aivan:0.3 täysin:0.4 ihan:0.2 niin:0.2 super:0.3 "
    u"uskomattoman:0.5 melko:0.1 vähän:-0.3 hieman:-0.3 hiukan:-0.3 tuskin:-0.4",
    u"en et ei emme ette eivät älä ilman eikä", u"mutta kuitenkin vaikka silti"};

const RawLexicon kPolish{
    u"zły:-2.5 zła:-2.5 złe:-2.5 źle:-1.8 wściekły:-3.5 wściekła:-3.5 wkurzon*:-3 zdenerwowan*:-2.5 "
    u"oburzon*:-3 niedopuszczaln*:-3 skandal*:-3.5 żenujące:-3 żenada:-3 okropn*:-3 straszn*:-3 fataln*:-3 "
    u"beznadziejn*:-3 najgorsz*:-3.5 kiepsk*:-2 rozczarowan*:-2.5 rozczarowując*:-2.5 sfrustrowan*:-2.5 "
    u"frustrując*:-2.5 irytując*:-2 bezużyteczn*:-3 niekompetentn*:-3 oszustwo:-3.5 oszuści:-3.5 "
    u"oszukan*:-3.5 kłamstw*:-2.5 niegrzeczn*:-2.5 nienawidzę:-3 koszmar:-3 katastrof*:-3.5 żart:-1.5 "
    u"martwię:-1.5 zmartwion*:-1.5 zestresowan*:-2 zdesperowan*:-2.5 problem:-1 problemy:-1 problemem:-1 "
    u"błąd:-1.2 błędn*:-1.5 zepsut*:-2 odrzucon*:-1 opóźnien*:-1.2 ignorowan*:-2.5 ignoruj*:-2.5 "
    u"niesprawiedliw*:-2.5 smutn*:-2 niezadowolon*:-2.5 skarga:-1.5 prawnik:-1.5 pozew:-1.5 "
    u"nieprofesjonaln*:-3 nie_działa:-2 nie_dziala:-2 brak_odpowiedzi:-2 nadal_czekam:-2 mam_dość:-2.5 "
    u"mam_dosc:-2.5 dziękuję:1.5 dziekuje:1.5 dzięki:1.5 dzieki:1.5 wdzięczn*:2.5 doceniam:2 dobr*:1.9 "
    u"świetn*:3 doskonał*:3.2 znakomit*:3.2 wspaniał*:3 super:2.5 idealn*:3 kocham:3 uwielbiam:3 "
    u"zadowolon*:2.3 szczęśliw*:2.7 pomocn*:2.3 miły:1.8 miła:1.8 miło:1.8 uprzejm*:2 szybk*:1 łatw*:1.5 "
    u"załatwione:1.5 dzień_dobry:0 dobry_wieczór:0 dobry_wieczor:0 dzien_dobry:0",
    u"bardzo:0.3 naprawdę:0.3 niezwykle:0.5 ogromnie:0.5 totalnie:0.4 całkowicie:0.4 absolutnie:0.5 "
    u"zupełnie:0.4 tak:0.2 super:0.3 dość:0.1 trochę:-0.3 nieco:-0.3 ledwo:-0.4",
    u"nie nigdy żaden żadna żadne nic nikt bez ani", u"ale jednak chociaż choć lecz"};

const RawLexicon kItalian{
    u"arrabbiat*:-3 furios*:-3.5 infuriat*:-3.5 indignat*:-3 inaccettabile:-3 inammissibile:-3.5 "
    u"ridicol*:-2.5 vergogn*:-3 scandalos*:-3.5 terribile:-3 orribile:-3 pessim*:-3.5 brutto:-2 brutta:-2 "
    u"male:-1.8 peggio:-3 peggiore:-3 delus*:-2.5 deludente:-2.5 frustrat*:-2.5 frustrante:-2.5 "
    u"irritat*:-2 seccat*:-2 stufo:-2.5 stufa:-2.5 inutile:-3 incompetent*:-3 truffa:-3.5 truffat*:-3.5 "
    u"truffatori:-3.5 frode:-2 bugi*:-2.5 maleducat*:-2.5 odio:-3 incubo:-3 disastro:-3.5 scherzo:-1.5 "
    u"preoccupat*:-1.5 preoccupazione:-1.2 stressat*:-2 disperat*:-2.5 confus*:-1 problema:-1 problemi:-1 "
    u"errore:-1.2 rotto:-2 rotta:-2 rifiutat*:-1 ritardo:-1.2 ignorat*:-2.5 ingiust*:-2.5 triste:-2 "
    u"insoddisfatt*:-2.5 reclamo:-1.5 avvocato:-1.5 scioccat*:-2.5 non_funziona:-2 nessuna_risposta:-2 "
    u"ancora_aspettando:-2 grazie:1.5 ringrazio:1.5 grato:2.5 grata:2.5 apprezzo:2 buono:1.9 buona:1.9 "
    u"bene:1.5 ottim*:3.2 eccellente:3.2 fantastic*:3.2 meraviglios*:3 perfett*:3 adoro:3 contento:2.5 "
    u"contenta:2.5 contenti:2.5 felice:2.7 soddisfatt*:2.3 utile:2 gentilissim*:2 veloce:1 velocemente:1 "
    u"rapid*:1 facile:1.5 risolto:1.5 super:2.5 top:2.5 buona_giornata:0 buona_sera:0",
    u"molto:0.3 davvero:0.3 veramente:0.3 estremamente:0.5 totalmente:0.4 completamente:0.4 "
    u"assolutamente:0.5 proprio:0.3 così:0.2 super:0.3 incredibilmente:0.5 troppo:0.3 abbastanza:0.1 "
    u"poco:-0.3 leggermente:-0.4 appena:-0.4",
    u"non mai niente nulla nessuno nessuna senza né neanche nemmeno", u"ma però tuttavia eppure"};

const RawLexicon kPortuguese{
    u"zangad*:-3 furios*:-3.5 irritad*:-2.5 revoltad*:-3 indignad*:-3 inaceitável:-3 inadmissível:-3.5 "
    u"ridícul*:-2.5 vergonha:-3 vergonhos*:-3 escandalos*:-3.5 terrível:-3 horrível:-3 péssim*:-3.5 mau:-2 "
    u"má:-2 mal:-1.8 pior:-3 desiludid*:-2.5 decepcionad*:-2.5 dececionad*:-2.5 frustrad*:-2.5 "
    u"frustrante:-2.5 chatead*:-2 farto:-2.5 farta:-2.5 inútil:-3 incompetente*:-3 burla:-3.5 burlad*:-3.5 "
    u"fraude:-2 vigarice:-3.5 vigaristas:-3.5 mentira*:-2.5 odeio:-3 pesadelo:-3 desastre:-3.5 piada:-1.5 "
    u"preocupad*:-1.5 preocupação:-1.2 stressad*:-2 desesperad*:-2.5 confus*:-1 problema:-1 problemas:-1 "
    u"erro:-1.2 avariad*:-2 estragad*:-2 recusad*:-1 atraso:-1.2 ignorad*:-2.5 injust*:-2.5 triste:-2 "
    u"insatisfeit*:-2.5 reclamação:-1.5 advogado:-1.5 chocad*:-2.5 não_funciona:-2 sem_resposta:-2 "
    u"continuo_à_espera:-2 obrigado:1.5 obrigada:1.5 agradeço:2 agradecid*:2.5 grato:2.5 grata:2.5 "
    u"aprecio:2 bom:1.9 boa:1.9 bem:1.5 ótim*:3.2 excelente:3.2 fantástic*:3.2 maravilhos*:3 perfeit*:3 "
    u"adoro:3 contente:2.5 contentes:2.5 feliz:2.7 satisfeit*:2.3 útil:2 simpátic*:2 amável:2 rápid*:1 "
    u"fácil:1.5 resolvid*:1.5 espetacular:3 top:2.5 bom_dia:0 boa_tarde:0 boa_noite:0",
    u"muito:0.3 mesmo:0.3 realmente:0.3 extremamente:0.5 totalmente:0.4 completamente:0.4 absolutamente:0.5 "
    u"tão:0.3 super:0.3 demasiado:0.3 bastante:0.1 pouco:-0.3 ligeiramente:-0.4",
    u"não nunca jamais nem nada ninguém nenhum nenhuma sem", u"mas porém contudo embora"};

SentimentLexicon build(const RawLexicon &raw)
{
    SentimentLexicon lex;
    const QStringList entries = QString::fromUtf16(raw.words).split(u' ', Qt::SkipEmptyParts);
    for (const QString &entry : entries) {
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon <= 0)
            continue;
        QString word = entry.left(colon);
        const double valence = entry.mid(colon + 1).toDouble();
        if (word.contains(u'_')) {
            lex.longestPhrase = std::max(lex.longestPhrase, int(word.count(u'_')) + 1);
            lex.phrases.insert(word.replace(u'_', u' '), valence);
        } else if (word.endsWith(u'*')) {
            word.chop(1);
            lex.prefixes.append({word, valence});
        } else {
            lex.words.insert(word, valence);
        }
    }
    const QStringList boosters = QString::fromUtf16(raw.boosters).split(u' ', Qt::SkipEmptyParts);
    for (const QString &entry : boosters) {
        const qsizetype colon = entry.lastIndexOf(u':');
        if (colon > 0)
            lex.boosters.insert(entry.left(colon), entry.mid(colon + 1).toDouble());
    }
    const QStringList negators = QString::fromUtf16(raw.negators).split(u' ', Qt::SkipEmptyParts);
    lex.negators = QSet<QString>(negators.cbegin(), negators.cend());
    const QStringList contrast = QString::fromUtf16(raw.contrast).split(u' ', Qt::SkipEmptyParts);
    lex.contrast = QSet<QString>(contrast.cbegin(), contrast.cend());
    return lex;
}

} // namespace

const SentimentLexicon &SentimentLexicon::forLanguage(const QString &language)
{
    static const SentimentLexicon en = build(kEnglish);
    static const SentimentLexicon sv = build(kSwedish);
    static const SentimentLexicon de = build(kGerman);
    static const SentimentLexicon es = build(kSpanish);
    static const SentimentLexicon fr = build(kFrench);
    static const SentimentLexicon nl = build(kDutch);
    static const SentimentLexicon fi = build(kFinnish);
    static const SentimentLexicon pl = build(kPolish);
    static const SentimentLexicon it = build(kItalian);
    static const SentimentLexicon pt = build(kPortuguese);
    static const QHash<QString, const SentimentLexicon *> byLanguage{
        {u"sv"_s, &sv}, {u"de"_s, &de}, {u"es"_s, &es}, {u"fr"_s, &fr}, {u"nl"_s, &nl},
        {u"fi"_s, &fi}, {u"pl"_s, &pl}, {u"it"_s, &it}, {u"pt"_s, &pt}};
    return *byLanguage.value(language, &en);
}

QList<QString> SentimentLexicon::languages()
{
    return {u"en"_s, u"sv"_s, u"de"_s, u"es"_s, u"fr"_s, u"nl"_s, u"fi"_s, u"pl"_s, u"it"_s, u"pt"_s};
}

} // namespace tandem::server
