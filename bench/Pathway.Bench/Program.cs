using Pathway.Bench;

// Benchmark harness: a dataset generator and an HTTP load runner. Not part of the test run;
// bench/run.sh drives both against a Release build of the app (see bench/README.md).
return args switch
{
    ["generate", .. var rest] => await DatasetGenerator.RunAsync(rest),
    ["load", .. var rest] => await LoadRunner.RunAsync(rest),
    ["burst", .. var rest] => await RegistrationBurst.RunAsync(rest),
    ["help" or "--help" or "-h", ..] => Options.PrintUsage(Console.Out, Options.Ok),
    _ => Options.PrintUsage(Console.Error, Options.UsageError),
};
