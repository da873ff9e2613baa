namespace Airlock.Cedar.Parsing;

/// <summary>Unwinds the parser to the end of the current policy after an error has been recorded.</summary>
internal sealed class ParseFailure : Exception
{
    public ParseFailure()
    {
    }

    public ParseFailure(string message)
        : base(message)
    {
    }

    public ParseFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
