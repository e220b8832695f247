using Pipeline.Core.Normalization.Html;

namespace Pipeline.Core.Tests.Normalization.Html;

/// <summary>The pre-parse scan approximates the tree a browser would build, in one pass over the markup.</summary>
public sealed class HtmlStructureScannerTests
{
    [Theory]
    [InlineData("<div><div><span>x</span></div></div>", 3)]
    [InlineData("<div><p>one<p>two<p>three</div>", 1)]
    [InlineData("<ul><li>a<li>b<li>c</ul>", 1)]
    [InlineData("<div><img src=a.png><br><input></div>", 1)]
    [InlineData("<svg><path d='M0 0'/><path d='M1 1'/></svg>", 1)]
    [InlineData("<div title='a > b'><div data-x=\"<div>\">x</div></div>", 2)]
    [InlineData("<div class=it's><span>x</span></div>", 2)]
    [InlineData("<script>for (i = 0; i < n; i++) { s += '<div><div><div>'; }</script><div></div>", 1)]
    [InlineData("<!-- <div><div><div> --><div></div>", 1)]
    public void Counts_the_nesting_a_parser_would_build(string html, int expected)
    {
        Assert.Equal(expected, HtmlStructureScanner.Scan(html, maxDepth: 1_000, maxElements: 1_000).MaxDepth);
    }

    [Theory]
    [InlineData("<div><p>one<p>two<br><img src=x></div>", 5)]
    [InlineData("<style>div > p { }</style><p>text</p><!-- <p> -->", 2)]
    public void Counts_elements_outside_scripts_styles_and_comments(string html, int expected)
    {
        Assert.Equal(expected, HtmlStructureScanner.Scan(html, maxDepth: 1_000, maxElements: 1_000).Elements);
    }

    [Fact]
    public void Stops_just_past_the_depth_limit()
    {
        var html = string.Concat(Enumerable.Repeat("<section>", 50_000));

        Assert.Equal(11, HtmlStructureScanner.Scan(html, maxDepth: 10, maxElements: 1_000_000).MaxDepth);
    }

    [Fact]
    public void Stops_just_past_the_element_limit()
    {
        var html = string.Concat(Enumerable.Repeat("<p>x</p>", 50_000));

        Assert.Equal(101, HtmlStructureScanner.Scan(html, maxDepth: 10, maxElements: 100).Elements);
    }
}
