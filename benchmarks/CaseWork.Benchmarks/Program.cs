using CaseWork.Benchmarks.Scenarios;

// Benchmarks run on demand and print a table; see benchmarks/README.md.
//   dotnet run -c Release --project benchmarks/CaseWork.Benchmarks -- <scenario> [options]
var scenario = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "audit";
var options = args.Length > 0 && args[0] == scenario ? args[1..] : args;
switch (scenario)
{
    case "audit":
        await AuditBenchmark.RunAsync(options);
        return 0;
    case "appointments":
        await AppointmentsBenchmark.RunAsync(options);
        return 0;
    case "clients":
        await ClientsBenchmark.RunAsync(options);
        return 0;
    case "interpreters":
        await InterpretersBenchmark.RunAsync(options);
        return 0;
    case "referrals":
        await ReferralsBenchmark.RunAsync(options);
        return 0;
    case "harness":
        await HarnessBenchmark.RunAsync(options);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: appointments, audit, clients, harness, interpreters, referrals");
        return 2;
}
