using Gongkai.Data;
using Gongkai.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests;

/// <summary>Section <c>Requests:Similarity</c>: when repeated requests suggest making information proactive (Art. 44).</summary>
public sealed class SimilarityOptions
{
    /// <summary>Requests from this many different applicants (counting this one) asking for similar information trigger the suggestion.</summary>
    public int RepeatThreshold { get; set; } = 3;

    /// <summary>Minimum <see cref="TextSimilarity.Overlap"/> of two descriptions to count as "the same information".</summary>
    public double MinOverlap { get; set; } = 0.6;

    /// <summary>Only requests received within this many days before or after this one are compared.</summary>
    public int WindowDays { get; set; } = 730;

    /// <summary>
    /// At most about this many requests nearest in time (half received before this one, half after) are compared,
    /// so the check stays cheap for an agency with many requests: the window narrows to them.
    /// </summary>
    public int MaxCompared { get; set; } = 2000;
}

public sealed record SimilarRequest(Guid Id, string QueryCode, DateOnly ReceivedOn, string ApplicantName, string Description);

/// <summary>The suggestion 建议转为主动公开: the other requests that ask for similar information, from different applicants.</summary>
public sealed record RepeatSuggestion(int Applicants, int Threshold, IReadOnlyList<SimilarRequest> Requests);

/// <summary>
/// Art. 44: when several applicants ask for the same information, the agency should consider making it
/// proactive. Requests of the same agency within <see cref="SimilarityOptions.WindowDays"/> (narrowed to the
/// <see cref="SimilarityOptions.MaxCompared"/> nearest in time) whose
/// description shares a search term with this one are candidates (SQL LIKE on the terms, at most 500);
/// those whose descriptions overlap by at least <see cref="SimilarityOptions.MinOverlap"/> (search
/// tokenizer terms, <see cref="TextSimilarity"/>) count. Applicants are told apart by the keyed index
/// of their identity number, or by name when the request has none (register imports); withdrawn
/// requests do not count. At <see cref="SimilarityOptions.RepeatThreshold"/> different applicants or
/// more, the suggestion lists the similar requests.
/// </summary>
public sealed class SimilarRequests(GongkaiDb db, RequestOptions options)
{
    private const int MaxTerms = 30;
    private const int MaxCandidates = 500;

    public async Task<RepeatSuggestion?> ForAsync(DisclosureRequest request, CancellationToken ct = default)
    {
        var o = options.Similarity;
        var terms = TextSimilarity.Terms(request.Description);
        if (terms.Count == 0) return null;
        var (from, to) = await WindowAsync(request, o, ct);
        var candidates = db.DisclosureRequests.AsNoTracking()
            .Where(r => r.AgencyId == request.AgencyId && r.Id != request.Id && r.Status != RequestStatus.Withdrawn && r.ReceivedOn >= from && r.ReceivedOn <= to);
        // Any one of the terms: a predicate built as an OR chain (descriptions are stored as typed, terms normalised; CJK text is mostly both).
        var likes = terms.Take(MaxTerms).ToList();
        var parameter = System.Linq.Expressions.Expression.Parameter(typeof(DisclosureRequest), "r");
        System.Linq.Expressions.Expression? any = null;
        var description = System.Linq.Expressions.Expression.Property(parameter, nameof(DisclosureRequest.Description));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        foreach (var t in likes)
        {
            var call = System.Linq.Expressions.Expression.Call(description, contains, System.Linq.Expressions.Expression.Constant(t));
            any = any is null ? call : System.Linq.Expressions.Expression.OrElse(any, call);
        }
        candidates = candidates.Where(System.Linq.Expressions.Expression.Lambda<Func<DisclosureRequest, bool>>(any!, parameter));
        var rows = await candidates.OrderByDescending(r => r.ReceivedOn).Take(MaxCandidates)
            .Select(r => new { r.Id, r.QueryCode, r.ReceivedOn, r.ApplicantName, r.ApplicantIndex, r.Description }).ToListAsync(ct);

        var similar = rows.Where(r => TextSimilarity.Overlap(terms, TextSimilarity.Terms(r.Description)) >= o.MinOverlap).ToList();
        var applicants = similar.Select(r => r.ApplicantIndex ?? "name:" + r.ApplicantName)
            .Append(request.ApplicantIndex ?? "name:" + request.ApplicantName).Distinct().Count();
        if (applicants < o.RepeatThreshold) return null;
        return new RepeatSuggestion(applicants, o.RepeatThreshold,
            similar.OrderByDescending(r => r.ReceivedOn).Select(r => new SimilarRequest(r.Id, r.QueryCode, r.ReceivedOn, r.ApplicantName, r.Description)).ToList());
    }

    /// <summary>
    /// <see cref="SimilarityOptions.WindowDays"/> around the request, narrowed to the dates of the
    /// <see cref="SimilarityOptions.MaxCompared"/>/2-th request before and after it (read on the (agency, received on, …)
    /// index alone), so the description scan that follows reads a bounded number of rows.
    /// </summary>
    private async Task<(DateOnly From, DateOnly To)> WindowAsync(DisclosureRequest request, SimilarityOptions o, CancellationToken ct)
    {
        var from = request.ReceivedOn.AddDays(-o.WindowDays);
        var to = request.ReceivedOn.AddDays(o.WindowDays);
        var half = Math.Max(o.MaxCompared / 2, 1);
        var on = request.ReceivedOn;
        var agency = db.DisclosureRequests.AsNoTracking().Where(r => r.AgencyId == request.AgencyId);
        var before = await agency.Where(r => r.ReceivedOn <= on && r.ReceivedOn >= from).OrderByDescending(r => r.ReceivedOn)
            .Skip(half).Select(r => (DateOnly?)r.ReceivedOn).FirstOrDefaultAsync(ct);
        var after = await agency.Where(r => r.ReceivedOn > on && r.ReceivedOn <= to).OrderBy(r => r.ReceivedOn)
            .Skip(half).Select(r => (DateOnly?)r.ReceivedOn).FirstOrDefaultAsync(ct);
        return (before ?? from, after ?? to);
    }
}
