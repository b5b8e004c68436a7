using Microsoft.Extensions.Logging.Console;
using Pathway.Web.Data;
using Pathway.Web.Operations;

var builder = WebApplication.CreateBuilder(args);
builder.AddPathway();
var isCommand = CommandLine.IsCommand(args);
if (isCommand)
{
    // Standard output belongs to the command (e.g. `framework export` prints JSON); logs go to standard error.
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
}
var app = builder.Build();

if (isCommand)
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
