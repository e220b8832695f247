using System.Collections.Frozen;

namespace Pipeline.Core.Enrichment;

/// <summary>
/// Function words that end a keyphrase candidate, per language. The English list also holds the words every news
/// story uses (reporting verbs, vague quantities and times) because they are frequent without saying what a story
/// is about.
/// </summary>
public static class StopWords
{
    private static readonly FrozenSet<string> English = Set("""
        a about above across after afterwards again against ago ahead all almost alone along already also although
        always am amid among amongst an and another any anybody anyone anything anyway anywhere are around as at away
        back be became because become becomes becoming been before beforehand behind being below beside besides between
        beyond both but by can cannot could did do does doing done down during each either else elsewhere enough even
        ever every everybody everyone everything everywhere except few for former formerly from further had has have
        having he hence her here hereafter hereby herein hers herself him himself his how however i if in indeed instead
        into is it its it's itself just least less let like likely many may me meanwhile might mine more moreover most
        mostly much must my myself namely neither never nevertheless next no nobody none nor not nothing now nowhere of
        off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps quite
        rather really same several shall she should since so some somebody someone something sometime sometimes
        somewhere still such than that that's the their theirs them themselves then thence there thereafter thereby
        therefore therein these they this those though through throughout thru thus to together too toward towards
        under unless until up upon us very via was we well were what whatever when whence whenever where whereas
        whereby wherever whether which while whither who whoever whole whom whose why will with within without would
        yet you your yours yourself yourselves i'm i've i'd i'll you're you've we're we've we'll they're they've
        he's she's there's here's what's who's isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
        won't wouldn't can't couldn't shouldn't mustn't let's
        said says say saying told tell added adding asked explained noted stated according reported reportedly
        claimed described called
        mr mrs ms dr
        also just still even already yet soon recently currently now today yesterday tomorrow week weeks month months
        year years day days time times last first second third new old many much lot lots number numbers including
        include includes included part way ways thing things something anything people person
        two three four five six seven eight nine ten hundred hundreds thousand thousands million millions billion
        billions percent cent per
        get gets got getting go goes going gone went make makes made making take takes took taken come comes came
        give gives gave given see seen saw know known knew think thought want wanted use used using need needs needed
        put set keep kept look looked seem seems seemed become became becomes
        able big small large great good bad high low long short little top best better worse worst less least
        s t d ll m re ve
        """);

    private static readonly FrozenSet<string> German = Set("""
        aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders auch auf
        aus bei beim bin bis bist da dabei damit dann das dass daß dein deine dem den denn der des dessen deshalb die
        dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines einige einigen er es
        etwas euch euer eure für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr
        ihre ihrem ihren ihrer im in indem ins ist jede jedem jeden jeder jedes jetzt kann kein keine keinem keinen
        können könnte machen man manche mehr mein meine mich mir mit muss musste nach nicht nichts noch nun nur ob oder
        ohne schon sehr sein seine seinem seinen seiner sich sie sind so solche soll sollte sondern sonst über um und
        uns unser unsere unter viel vom von vor während war waren warum was weil weiter welche welchem welchen welcher
        wenn wer werde werden wie wieder will wir wird wo wurde wurden zu zum zur zwar zwischen sagte sagt heute jahr
        jahre jahren neue neuen neuer prozent
        """);

    private static readonly FrozenSet<string> French = Set("""
        à a au aux avec ce ces cet cette ceci cela celle celles celui ceux chaque comme dans de des du depuis donc dont
        elle elles en encore entre est et été être eu fait faire il ils je la le les leur leurs lui ma mais me même mes
        moi mon ne ni nos notre nous on ont ou où par pas peu plus pour qu que quel quelle quelles quels qui sa sans se
        selon ses si son sont sous sur ta te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y
        c d j l m n s t qu' c' d' j' l' m' n' s' t' avait avaient sera serait seront ainsi alors aussi après avant
        bien car contre déjà dit selon afin lors année années ans an nouveau nouvelle nouvelles nouveaux
        """);

    private static readonly FrozenSet<string> Spanish = Set("""
        a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el él ella ellas
        ellos en entre era eran es esa esas ese eso esos esta está están estas este esto estos fue fueron ha han hasta
        hay la las le les lo los más me mi mientras muy nada ni no nos nosotros o otra otras otro otros para pero poco
        por porque que qué quien se sea ser si sí sido sin sobre son su sus también tanto te tiene tienen todo todos
        tras tu un una uno unos y ya según dijo año años además así aunque cada parte nuevo nueva
        """);

    private static readonly FrozenSet<string> Italian = Set("""
        a ad al alla alle allo ai agli anche ancora che chi ci come con contro cui da dal dalla dalle dai dagli degli
        dei del della delle dello di dove e è ed era erano essere fa fra gli ha hanno il in io la le lei lo loro lui
        ma mi ne nel nella nelle nei negli no non noi o per però più poi quale quando quanto quella quelle quello
        questa queste questo se sei si sia sono su sua sue suo suoi sul sulla tra tu tutti tutto un una uno vi anni
        anno dopo detto stato stata nuovo nuova
        """);

    private static readonly FrozenSet<string> Portuguese = Set("""
        a à ao aos as às até com como da das de dela dele deles do dos e é ela elas ele eles em entre era eram essa
        essas esse esses esta está estão estas este estes eu foi foram há isso isto já la lhe lhes mais mas me mesmo
        meu minha muito na nas não nem no nos nós o os ou para pela pelas pelo pelos por qual quando que quem se sem
        ser seu seus sua suas são também te tem têm todo todos tu um uma umas uns você vocês ano anos disse após sobre
        novo nova
        """);

    private static readonly FrozenSet<string> Dutch = Set("""
        aan al alle als altijd ben bij dan dat de der deze die dit doch door dus een en er ge geen haar had heb hebben
        heeft hem het hier hij hoe hun ik in is ja je kan kon maar me meer men met mij mijn na naar niet niets nog nu
        of om omdat ons ook op over te tegen toch toen tot u uit van veel voor want waren was wat we wel werd wie wij
        wordt worden zal ze zei zich zij zijn zo zonder zou jaar jaren nieuwe
        """);

    private static readonly FrozenSet<string> Russian = Set("""
        а без более бы был была были было быть в вам вас весь во вот все всё всего всех вы где да даже для до его ее
        её если есть еще ещё же за здесь и из или им их к как когда кто ли либо мне может мы на над надо наш не него
        нее неё нет ни них но ну о об однако он она они оно от очень по под после при про с так также такой там те
        тем то того тоже той только том ты у уже хотя чем что чтобы чье чья эта эти это этого этой этом этот я году
        года лет сказал заявил
        """);

    private static readonly FrozenSet<string> Ukrainian = Set("""
        а але б би був була були було бути в вам вас весь від він вона вони воно все всі всіх вже ви де для до же за
        з із зі й і та те так також там тим то тобто того тоді той ти у чи що щоб це цей ця ці цього цієї як який яка
        які якщо я на над не ні но о об от по під після при про с саме себе собі свій своє своїх році року років
        сказав заявив
        """);

    private static readonly FrozenDictionary<string, FrozenSet<string>> ByLanguage = new Dictionary<string, FrozenSet<string>>
    {
        ["en"] = English,
        ["de"] = German,
        ["fr"] = French,
        ["es"] = Spanish,
        ["it"] = Italian,
        ["pt"] = Portuguese,
        ["nl"] = Dutch,
        ["ru"] = Russian,
        ["uk"] = Ukrainian,
    }.ToFrozenDictionary();

    /// <summary>English function words and news filler, lower case; search backends keep them out of "similar" queries.</summary>
    public static IReadOnlySet<string> EnglishWords => English;

    /// <summary>
    /// True when <paramref name="word"/> (lower case) is a stop word of <paramref name="language"/> or of English:
    /// English words turn up in text of every language, in quotes, names and headlines.
    /// </summary>
    public static bool Contains(string word, string? language) =>
        English.Contains(word)
        || (language is not null && ByLanguage.TryGetValue(language, out var words) && words.Contains(word));

    /// <summary>True when there is a list for <paramref name="language"/>; keyphrases are only found where there is.</summary>
    public static bool Covers(string? language) => language is null || ByLanguage.ContainsKey(language);

    private static FrozenSet<string> Set(string words) =>
        words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
