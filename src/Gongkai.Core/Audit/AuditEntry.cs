using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Audit;

/// <summary>
/// One line of the append-only audit log. <see cref="Hash"/> covers every field and the previous
/// entry's hash, so altering, inserting or deleting any row breaks the chain from there on.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Row key; not part of the chain (several unsaved entries need distinct keys before they get a sequence).</summary>
    public Guid Id { get; private set; } = Guid.NewGuid();
    /// <summary>1, 2, 3 … without gaps, unique, assigned when the entry is saved.</summary>
    public long Sequence { get; internal set; }
    public DateTimeOffset At { get; internal set; }
    /// <summary>User name of the staff member, or <c>cli:…</c> / <c>system</c> for non-interactive writes.</summary>
    public string Actor { get; internal set; } = "";
    public Guid? AgencyId { get; internal set; }
    /// <summary>Dotted key <c>feature.verb</c>, e.g. <c>agencies.add</c>.</summary>
    public string Action { get; internal set; } = "";
    /// <summary><c>Type:key</c> of the record written, e.g. <c>Agency:jyj</c>.</summary>
    public string Entity { get; internal set; } = "";
    /// <summary>Chinese summary of what changed. Never personal data (it is not encrypted).</summary>
    public string Summary { get; internal set; } = "";
    public string PreviousHash { get; internal set; } = "";
    public string Hash { get; internal set; } = "";

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public string ComputeHash()
    {
        var canonical = string.Join('\n', Sequence, At.ToUnixTimeMilliseconds(), Actor,
            AgencyId?.ToString("N") ?? "-", Action, Entity, Summary, PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
