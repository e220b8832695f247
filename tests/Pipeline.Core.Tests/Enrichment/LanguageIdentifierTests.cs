using AngleSharp.Html.Parser;
using Pipeline.Core.Enrichment;
using Pipeline.Testing;

namespace Pipeline.Core.Tests.Enrichment;

public sealed class LanguageIdentifierTests
{
    [Fact]
    public void Detects_english_in_bbc_articles()
    {
        var wrong = EnrichmentInput.BbcSample(step: 40)
            .Select(bbc => (bbc.Name, Language: LanguageIdentifier.Identify(string.Join("\n\n", EnrichmentInput.Paragraphs(bbc.Article)))))
            .Where(result => result.Language != "en")
            .ToList();

        Assert.Empty(wrong);
    }

    /// <summary>Article text of real pages (Mozilla Readability's expected output), with the language the page declares.</summary>
    [Theory]
    [InlineData("aktualne", "cs")]
    [InlineData("heise", "de")]
    [InlineData("cnet-svg-classes", "es")]
    [InlineData("la-nacion", "es")]
    [InlineData("nytimes-5", "es")]
    [InlineData("lemonde-1", "fr")]
    [InlineData("liberation-1", "fr")]
    [InlineData("videos-2", "fr")]
    [InlineData("folha", "pt")]
    [InlineData("yahoo-4", "ja")]
    [InlineData("hukumusume", "ja")]
    [InlineData("gmw", "zh")]
    [InlineData("pixnet", "zh")]
    [InlineData("qq", "zh")]
    [InlineData("youth", "zh")]
    public void Detects_the_language_of_real_pages(string readabilityCase, string expected)
    {
        var html = File.ReadAllText(TestData.RequireShared("corpora", "readability", readabilityCase, "expected.html"));
        var text = new HtmlParser().ParseDocument(html).Body!.TextContent;

        Assert.Equal(expected, LanguageIdentifier.Identify(text));
    }

    [Theory]
    [InlineData("de", "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Straßenbahnlinie im kommenden Frühjahr bis zum neuen Wohngebiet im Norden verlängert wird. Die Bauarbeiten sollen etwa zwei Jahre dauern und werden größtenteils vom Land finanziert.")]
    [InlineData("fr", "La mairie a annoncé mardi que la ligne de tramway sera prolongée jusqu'au nouveau quartier au nord de la ville dès le printemps prochain. Les travaux devraient durer environ deux ans et seront en grande partie financés par la région.")]
    [InlineData("es", "El ayuntamiento anunció el martes que la línea de tranvía se ampliará hasta el nuevo barrio del norte de la ciudad la próxima primavera. Las obras durarán unos dos años y serán financiadas en gran parte por el gobierno regional.")]
    [InlineData("it", "Il comune ha annunciato martedì che la linea del tram sarà prolungata fino al nuovo quartiere a nord della città nella prossima primavera. I lavori dureranno circa due anni e saranno finanziati in gran parte dalla regione.")]
    [InlineData("pt", "A prefeitura anunciou na terça-feira que a linha de bonde será estendida até o novo bairro no norte da cidade na próxima primavera. As obras devem durar cerca de dois anos e serão financiadas em grande parte pelo governo estadual.")]
    [InlineData("nl", "De gemeente heeft dinsdag aangekondigd dat de tramlijn volgend voorjaar wordt doorgetrokken naar de nieuwe woonwijk in het noorden van de stad. De werkzaamheden duren ongeveer twee jaar en worden grotendeels door de provincie betaald.")]
    [InlineData("sv", "Kommunen meddelade i tisdags att spårvägslinjen ska förlängas till det nya bostadsområdet i norra delen av staden nästa vår. Arbetet väntas ta ungefär två år och finansieras till största delen av regionen.")]
    [InlineData("pl", "Władze miasta ogłosiły we wtorek, że linia tramwajowa zostanie przedłużona do nowego osiedla na północy miasta już przyszłej wiosny. Prace potrwają około dwóch lat i zostaną w dużej części sfinansowane przez samorząd województwa.")]
    [InlineData("tr", "Belediye salı günü yaptığı açıklamada tramvay hattının gelecek bahar şehrin kuzeyindeki yeni mahalleye kadar uzatılacağını duyurdu. Çalışmaların yaklaşık iki yıl sürmesi ve büyük ölçüde il yönetimi tarafından finanse edilmesi bekleniyor.")]
    [InlineData("ru", "Городские власти во вторник объявили, что трамвайная линия будет продлена до нового жилого района на севере города следующей весной. Строительство продлится около двух лет и будет в основном профинансировано из областного бюджета.")]
    [InlineData("uk", "Міська влада у вівторок оголосила, що трамвайну лінію наступної весни подовжать до нового житлового району на півночі міста. Будівництво триватиме близько двох років і буде здебільшого профінансоване з обласного бюджету.")]
    [InlineData("el", "Ο δήμος ανακοίνωσε την Τρίτη ότι η γραμμή του τραμ θα επεκταθεί μέχρι τη νέα συνοικία στα βόρεια της πόλης την επόμενη άνοιξη. Οι εργασίες αναμένεται να διαρκέσουν περίπου δύο χρόνια.")]
    [InlineData("ar", "أعلنت البلدية يوم الثلاثاء أن خط الترام سيمتد إلى الحي السكني الجديد في شمال المدينة في الربيع المقبل. ومن المتوقع أن تستغرق الأعمال نحو عامين.")]
    [InlineData("ja", "市は火曜日、路面電車の路線を来年の春までに市の北部にある新しい住宅地まで延長すると発表した。工事は約二年かかる見込みで、費用の大部分は県が負担する。")]
    [InlineData("zh", "市政府周二宣布，有轨电车线路将于明年春天延伸至城市北部的新住宅区。工程预计持续约两年，费用大部分由省政府承担。")]
    [InlineData("ko", "시는 화요일 노면전차 노선을 내년 봄까지 도시 북쪽의 새 주거 지역까지 연장한다고 발표했다. 공사는 약 2년이 걸릴 예정이며 비용의 대부분은 도가 부담한다.")]
    public void Detects_the_language_of_a_news_paragraph(string expected, string paragraph)
    {
        Assert.Equal(expected, LanguageIdentifier.Identify(paragraph));
    }

    [Theory]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("Apple iPhone 15 Pro Max")]
    [InlineData("2024-07-21 09:30 · 4,500 · £15.8m")]
    public void Says_nothing_about_too_little_text(string text)
    {
        Assert.Null(LanguageIdentifier.Identify(text));
    }

    [Fact]
    public void Ships_a_trigram_model_for_every_language_it_identifies()
    {
        // Lingua treats a missing model file as an empty model, so a build that failed to copy one would silently
        // degrade detection instead of failing; Chinese, Japanese and Korean are told apart by script and have none.
        var missing = LanguageIdentifier.SupportedLanguages
            .Except(["zh", "ja", "ko"])
            .Where(code => !File.Exists(Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels", code, "trigrams.json.br")))
            .ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("en", "The minister met his counterpart in Beijing (北京) on Tuesday to discuss trade, tariffs and the future of the summit planned for next spring in 東京, officials said.")]
    [InlineData("zh", "東京 北京 上海 香港 台北 大阪 首爾 新加坡 曼谷 河內 馬尼拉 雅加達 吉隆坡 仰光 金邊 萬象 達卡 加德滿都")]
    [InlineData("ja", "東京都は新しい計画を発表しました。北京と上海の代表も会議に出席しています。")]
    public void Tells_east_asian_text_apart_by_script_without_lingua_models(string expected, string text)
    {
        // The soak found Han-heavy text making Lingua reach for a Japanese trigram model it does not ship, and throw.
        Assert.Equal(expected, LanguageIdentifier.Identify(text));
    }
}
