using Gongkai.Agencies;

namespace Gongkai.Core.Tests.Agencies;

public class AgencyDetailsTests
{
    private static AgencyDetails Valid() => new()
    {
        Code = "jyj", Name = "云溪县教育局", CreditCode = CreditCode.Complete("11439901004310412"),
        Kind = AgencyKind.department, ParentCode = "xzf",
    };

    [Fact]
    public void A_complete_department_has_no_errors_and_is_normalised()
    {
        var (d, errors) = (Valid() with { Code = " JYJ ", CreditCode = CreditCode.Complete("11439901004310412").ToLowerInvariant() }).Validate();
        Assert.Empty(errors);
        Assert.Equal("jyj", d.Code);
        Assert.Equal(CreditCode.Complete("11439901004310412"), d.CreditCode);
    }

    [Theory]
    [InlineData(nameof(AgencyDetails.Name), "")]
    [InlineData(nameof(AgencyDetails.Name), "<script>alert(1)</script>")]
    [InlineData(nameof(AgencyDetails.Name), "很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称很长的名称X")]
    [InlineData(nameof(AgencyDetails.Code), "教育局")]
    [InlineData(nameof(AgencyDetails.Code), "")]
    [InlineData(nameof(AgencyDetails.CreditCode), "11439901004310412X")]
    [InlineData(nameof(AgencyDetails.OfficePhone), "电话 123")]
    public void Bad_input_yields_a_chinese_error_on_that_field(string field, string value)
    {
        var input = field switch
        {
            nameof(AgencyDetails.Name) => Valid() with { Name = value },
            nameof(AgencyDetails.Code) => Valid() with { Code = value },
            nameof(AgencyDetails.CreditCode) => Valid() with { CreditCode = value },
            _ => Valid() with { OfficePhone = value },
        };
        var error = Assert.Single(input.Validate().Errors);
        Assert.Equal(field, error.Field);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error.Message);
    }

    [Fact]
    public void Departments_need_a_parent_but_a_government_does_not()
    {
        Assert.Contains((Valid() with { ParentCode = null }).Validate().Errors, e => e.Field == nameof(AgencyDetails.ParentCode));
        Assert.Empty((Valid() with { ParentCode = null, Kind = AgencyKind.government }).Validate().Errors);
    }
}
