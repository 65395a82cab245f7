using System.Globalization;
using System.Text;
using BackendAI.Client;

namespace BackendAI.Cli;

/// <summary>Renders errors from the server for standard error: status, problem type, title and message.</summary>
internal static class ErrorText
{
    /// <summary>Describes an API error in a few lines.</summary>
    public static string Describe(BackendAIApiException error)
    {
        if (error is BackendAIRedirectException)
        {
            return $"Error: {error.Message}";
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Error: {(int)error.StatusCode} from {error.Endpoint}");
        if (error.Problem is { } problem)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  title: {problem.Title}");
            if (problem.Message is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  msg:   {problem.Message}");
            }

            text.Append(CultureInfo.InvariantCulture, $"\n  type:  {problem.Type}");
            if (problem.Data is { } data)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n  data:  {data.GetRawText()}");
            }
        }
        else if (!string.IsNullOrWhiteSpace(error.RawBody))
        {
            text.Append("\n  ").Append(error.RawBody.Trim());
        }

        if (error.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            text.Append("\n  hint:  in session mode, log in with 'backend.ai login'; in api mode, check ")
                .Append("BACKEND_ACCESS_KEY and BACKEND_SECRET_KEY ('backend.ai config' shows them).");
        }

        return text.ToString();
    }
}
