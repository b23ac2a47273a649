using Gongkai.Common;

namespace Gongkai.Core.Tests.Common;

public class ChineseScriptTests
{
    [Theory]
    [InlineData("政府信息公開工作年度報告", "政府信息公开工作年度报告")]
    [InlineData("常熟市人民政府辦公室", "常熟市人民政府办公室")]
    [InlineData("依申請公開", "依申请公开")]
    [InlineData("已经是简体", "已经是简体")]
    [InlineData("ABC 123", "ABC 123")]
    public void Traditional_text_folds_to_simplified(string input, string expected) =>
        Assert.Equal(expected, ChineseScript.ToSimplified(input));

    [Fact]
    public void Detects_traditional_characters_only_when_present()
    {
        Assert.True(ChineseScript.HasTraditional("申請"));
        Assert.False(ChineseScript.HasTraditional("申请"));
    }
}
