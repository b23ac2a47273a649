using Gongkai;
using Gongkai.Web;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGongkaiCore(builder.Configuration);
builder.Services.AddGongkaiWeb(builder.Configuration);

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.WarmUpOnStart();
app.UseGongkaiWeb();
app.Run();

public partial class Program;
