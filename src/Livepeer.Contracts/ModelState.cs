namespace Livepeer.Contracts;

/// <summary>Where a model is in its life on one device.</summary>
public enum ModelState
{
    /// <summary>A session is being created and warmed up; memory is already reserved.</summary>
    Loading = 0,

    /// <summary>Ready: the session exists and has run its warm-up inference.</summary>
    Warm = 1,

    /// <summary>Being released; takes no new jobs.</summary>
    Evicting = 2,
}
