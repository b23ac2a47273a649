using Gongkai.Core.Tests.Catalog;
using Gongkai.Data;
using Gongkai.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace Gongkai.Core.Tests.Search;

/// <summary>
/// The bulk import COPYs each tsvector in binary form; PostgreSQL must read it as exactly the
/// tsvector that the single-row path's literal casts to (lexemes, positions, title weights).
/// </summary>
public sealed class TsVectorBinaryTests : IAsyncLifetime
{
    private readonly CatalogTestDb _db = new(postgres: true);

    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    public static TheoryData<string?, string?, string?, string?, string?> Documents => new()
    {
        { "开府县人民政府关于低保资金发放的公告", "开府办发〔2019〕38号", "低保 资金", "第3批资金发放情况", "城乡低保资金已按时足额发放到户。如有疑问请拨打电话 12345。" },
        { "Ｆull-width ＡＢＣ and 臺灣 traditional", null, null, null, "𠀀𠀁 rare characters, kana かな, hangul 한국, 〇" },
        { "重复", null, null, null, string.Join(" ", Enumerable.Repeat("低保", 300)) },
        { null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_binary_tsvector_reads_back_as_the_literal(string? title, string? docNo, string? keywords, string? summary, string? body)
    {
        if (_db.Unavailable) return;
        var literal = SearchDocument.Build(title, docNo, keywords, summary, body).TsVector;
        var binary = SearchDocument.BuildBinary(title, docNo, keywords, summary, body).TsVectorBinary;

        var (fromBinary, fromLiteral) = await _db.RunAsync(async s =>
        {
            var db = s.GetRequiredService<GongkaiDb>();
            await db.Database.OpenConnectionAsync();
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (var create = new NpgsqlCommand("CREATE TEMP TABLE t (tsv tsvector NOT NULL)", connection)) await create.ExecuteNonQueryAsync();
            await using (var writer = await connection.BeginBinaryImportAsync("COPY t (tsv) FROM STDIN (FORMAT BINARY)"))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(binary, NpgsqlDbType.Bytea);
                await writer.CompleteAsync();
            }
            await using var read = new NpgsqlCommand("SELECT tsv::text, CAST(@literal AS tsvector)::text FROM t", connection);
            read.Parameters.AddWithValue("literal", literal);
            await using var reader = await read.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            return (reader.GetString(0), reader.GetString(1));
        });
        Assert.Equal(fromLiteral, fromBinary);
    }
}
