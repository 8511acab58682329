namespace Livepeer.Grains.Orchestration;

/// <summary>An <c>aiModels.json</c> file is unreadable or an entry is wrong; the message names the entry and field.</summary>
public sealed class AiModelsException(string message, Exception? innerException = null) : Exception(message, innerException);
