using Pathway.Web.Data;
using Pathway.Web.Operations;

var builder = WebApplication.CreateBuilder(args);
builder.AddPathway();
var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args, Console.Out, Console.Error);
}

await app.Services.PrepareDatabaseAsync(migrate: DatabaseSetup.MigratesOnStart(app.Configuration));
app.UsePathway();
await app.Services.AnnounceAsync(app);
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
