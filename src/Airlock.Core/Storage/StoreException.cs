namespace Airlock.Core.Storage;

/// <summary>
/// A store could not do what was asked: the database is unreachable, corrupt, locked for too long, or of a newer
/// schema than this build knows. The operation changed nothing or was rolled back. The message names the
/// operation, never a stored value; the inner exception is the provider's own.
/// </summary>
public class StoreException : Exception
{
    public StoreException()
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
