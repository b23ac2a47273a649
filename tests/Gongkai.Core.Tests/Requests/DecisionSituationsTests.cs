using Gongkai.Reporting;
using Gongkai.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Core.Tests.Requests;

public class DecisionSituationsTests
{
    [Fact]
    public void The_table_is_in_enum_order_so_lookup_by_value_is_right()
    {
        foreach (var s in Enum.GetValues<DecisionSituation>())
            Assert.Equal(s, s.Info().Situation);
    }

    [Theory]
    [InlineData("result.granted", true)]
    [InlineData("result.partial", true)]
    [InlineData("result.granted_typo", false)]
    public void The_already_public_leaf_setting_must_be_a_table_three_leaf_key(string key, bool valid)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "sqlite", ["Database:DataDir"] = Path.GetTempPath(), ["Requests:Decisions:AlreadyPublicLeaf"] = key,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddGongkaiCore(configuration);
        using var provider = services.BuildServiceProvider();
        RequestOptions Resolve() => provider.GetRequiredService<RequestOptions>();
        if (valid) Assert.Equal(key, Resolve().Decisions.AlreadyPublicLeaf);
        else Assert.Contains("Requests:Decisions:AlreadyPublicLeaf", Assert.Throws<InvalidOperationException>(Resolve).Message);
    }

    [Fact]
    public void Every_one_of_the_21_leaves_is_reachable_from_some_situation()
    {
        var reached = DecisionSituations.All.Select(i => i.Leaf).ToHashSet();
        Assert.Equal(21, ReportKeys.Leaves.Count);
        foreach (var leaf in ReportKeys.Leaves) Assert.Contains(leaf, reached);
    }

    [Fact]
    public void Applicant_kinds_count_in_the_matching_table_three_column()
    {
        foreach (var k in ApplicantKinds.All)
            Assert.Equal(k.Key(), Gongkai.Reporting.ReportKeys.Key(k.Column()));
    }

    [Fact]
    public void Partial_disclosure_counts_only_as_partial() =>
        Assert.Equal(ResultLeaf.Partial, DecisionSituation.Partial.Leaf(new DecisionOptions()));

    [Fact]
    public void Already_public_counts_as_granted_by_default_and_is_configurable()
    {
        Assert.Equal(ResultLeaf.Granted, DecisionSituation.AlreadyPublic.Leaf(new DecisionOptions()));
        var other = new DecisionOptions { AlreadyPublicLeaf = "result.other.other" };
        Assert.Equal(ResultLeaf.OtherOther, DecisionSituation.AlreadyPublic.Leaf(other));
    }

    [Fact]
    public void Not_existing_and_not_responsible_both_count_as_not_held()
    {
        Assert.Equal(ResultLeaf.UnableNotHeld, DecisionSituation.NotExist.Leaf(new DecisionOptions()));
        Assert.Equal(ResultLeaf.UnableNotHeld, DecisionSituation.NotResponsible.Leaf(new DecisionOptions()));
    }

    [Fact]
    public void Every_situation_has_a_chinese_label_a_legal_basis_and_a_letter_body()
    {
        foreach (var i in DecisionSituations.All)
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", i.Label);
            Assert.Contains("条例", i.LegalBasis);
            Assert.Contains("{detail}", i.LetterBody);
        }
    }

    [Fact]
    public void Situations_ending_by_lapse_are_not_offered_to_staff()
    {
        Assert.False(DecisionSituation.NoCorrection.Info().StaffMayChoose);
        Assert.False(DecisionSituation.FeeUnpaid.Info().StaffMayChoose);
        Assert.False(DecisionSituation.Withdrawn.Info().StaffMayChoose);
        Assert.True(DecisionSituation.Partial.Info().StaffMayChoose);
    }

    [Fact]
    public void Keys_round_trip()
    {
        foreach (var s in Enum.GetValues<DecisionSituation>())
        {
            Assert.True(DecisionSituations.TryParse(s.Key(), out var back));
            Assert.Equal(s, back);
        }
    }

    [Fact]
    public void An_imported_leaf_maps_back_to_a_situation_with_that_leaf()
    {
        foreach (var leaf in ReportKeys.Leaves)
            Assert.Equal(leaf, DecisionSituations.ForLeaf(leaf).Leaf(new DecisionOptions()));
    }
}
