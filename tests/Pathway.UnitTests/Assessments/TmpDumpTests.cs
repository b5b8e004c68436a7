namespace Pathway.UnitTests.Assessments;

public partial class ChartRenderingTests
{
    [Fact]
    public async Task Tmp_dump()
    {
        foreach (var culture in new[] { "en", "ar" })
        {
            var radar = await RadarAsync(culture);
            var heat = await HeatMapAsync(culture);
            var dir = culture == "ar" ? "rtl" : "ltr";
            var css = culture == "ar" ? "bootstrap.rtl.min.css" : "bootstrap.min.css";
            await File.WriteAllTextAsync($"/tmp/results-helper/charts-{culture}.html",
                $"<!DOCTYPE html><html lang=\"{culture}\" dir=\"{dir}\"><head><meta charset=utf-8><link rel=stylesheet href=\"/work/main/src/Pathway.Web/wwwroot/lib/bootstrap/dist/css/{css}\"><link rel=stylesheet href=\"/work/main/src/Pathway.Web/wwwroot/app.css\"></head><body><main class=container>{radar}{heat}</main></body></html>",
                TestContext.Current.CancellationToken);
        }
    }
}
