using Microsoft.ML;
using Spectre.Console;

namespace MnistSelfTraining;

/// <summary>Runs work under a Spectre.Console status line that shows the latest progress message from <see cref="MLContext.Log"/>.</summary>
internal static class LogProgress
{
    public static T Run<T>(MLContext mlContext, string title, Func<T> work)
        => AnsiConsole.Status().Start(title, status =>
        {
            EventHandler<LoggingEventArgs> show = (_, e) =>
            {
                if (e.Kind <= Microsoft.ML.Runtime.ChannelMessageKind.Info && (e.Message.Contains("Epoch", StringComparison.Ordinal) || e.Message.Contains("Round", StringComparison.Ordinal)))
                {
                    var message = e.Message[(e.Message.IndexOf("] ", StringComparison.Ordinal) + 1)..].Trim();
                    status.Status($"{Markup.Escape(title)} [grey]{Markup.Escape(message)}[/]");
                }
            };
            mlContext.Log += show;
            try
            {
                return work();
            }
            finally
            {
                mlContext.Log -= show;
            }
        });
}
