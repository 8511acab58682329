namespace Livepeer.Storage;

/// <summary>
/// Thrown when PostgreSQL cannot be used at all: the server does not answer, refuses the login,
/// or the database named in the connection string does not exist. The message names the
/// server's host:port and the database.
/// </summary>
public sealed class PostgresUnavailableException : Exception
{
    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What went wrong.</param>
    public PostgresUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the driver's original exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The exception raised by Npgsql.</param>
    public PostgresUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the default message.</summary>
    public PostgresUnavailableException()
    {
    }
}
