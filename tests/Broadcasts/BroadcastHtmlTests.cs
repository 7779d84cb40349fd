using LoyaltyBot.Core.Broadcasts;

namespace LoyaltyBot.Tests.Broadcasts;

public sealed class BroadcastHtmlTests
{
    [Theory]
    [InlineData("Просто текст")]
    [InlineData("<b>Жирно</b> и <i>курсив</i>")]
    [InlineData("<b><i>вложено</i></b>")]
    [InlineData("<a href=\"https://example.com/a?b=1&amp;c=2\">ссылка</a>")]
    [InlineData("5 &lt; 7 &amp;&amp; 7 &gt; 5 &#128512;")]
    public void Allowed_markup_passes(string html) => Assert.Null(BroadcastHtml.Problem(html));

    [Theory]
    [InlineData("<b>не закрыт")]
    [InlineData("<b><i>крест</b></i>")]
    [InlineData("</i>лишний")]
    [InlineData("<u>подчёркнуто</u>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<a href='https://example.com'>x</a>")]
    [InlineData("<a href=\"https://a.example\"><a href=\"https://b.example\">x</a></a>")]
    [InlineData("5 < 7")]
    [InlineData("7 > 5")]
    [InlineData("R&D")]
    [InlineData("<b class=\"x\">x</b>")]
    public void Anything_else_is_rejected(string html) => Assert.NotNull(BroadcastHtml.Problem(html));
}
