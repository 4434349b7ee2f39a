namespace CaseWork.Host.Hosting;

/// <summary>Structured console logs: JSON lines outside development (for log shippers), readable text in development.</summary>
internal static class LoggingSetup
{
    public static ILoggingBuilder AddCaseWorkConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.ClearProviders();
        var format = configuration["Logging:Console:FormatterName"];
        if (string.Equals(format, "simple", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }
        else
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }

        return logging;
    }
}
