namespace Gongkai.Catalog;

/// <summary>
/// A number that goes up whenever something the public disclosure column shows may have changed in
/// this process: a publication, revision, withdrawal or abolition (the public copy), an import (the
/// index counters), attachments, the guide and rules (catalogue settings), the agency itself, or an
/// annual report. Caches of rendered public pages put it in their key, so a change is seen at once.
/// Moved on by <see cref="Gongkai.Data.SaveSignals"/>.
/// </summary>
public sealed class CatalogVersion
{
    private long _value;

    public long Current => Interlocked.Read(ref _value);

    public void Bump() => Interlocked.Increment(ref _value);
}
