using Gongkai.Calendar;

namespace Gongkai.Core.Tests.Calendar;

public class ArrangementTextTests
{
    [Fact]
    public void Every_embedded_year_survives_the_text_form_admins_edit()
    {
        foreach (var year in EmbeddedArrangements.All)
        {
            var parsed = ArrangementText.Parse(ArrangementText.Format(year.Holidays));
            Assert.True(parsed.Succeeded);
            Assert.Equal(year.Holidays.Select(h => (h.Name, h.FirstDayOff, h.LastDayOff, string.Join(",", h.MakeUpWorkdays))),
                parsed.Value.Select(h => (h.Name, h.FirstDayOff, h.LastDayOff, string.Join(",", h.MakeUpWorkdays))));
        }
    }

    [Theory]
    [InlineData("春节 2027-02-05", "第1行缺少节日名称和冒号")]
    [InlineData("元旦：2027-01-01\n春节：2027/02/05 至 2027-02-11", "第2行（春节）的放假日期无法识别")]
    [InlineData("春节：2027-02-05；2027-02-13", "分号后应以“上班”开头")]
    [InlineData("春节：2027-02-05；上班 二月十三", "调休上班日“二月十三”无法识别")]
    [InlineData("\n  \n", "请至少填写一个假期")]
    public void Bad_lines_are_reported_by_line_in_chinese(string text, string message)
    {
        var result = ArrangementText.Parse(text);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Message.Contains(message) && e.Field == "Holidays");
    }
}
