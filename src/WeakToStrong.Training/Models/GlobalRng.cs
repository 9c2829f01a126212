using TorchSharp;

namespace WeakToStrong.Training.Models;

/// <summary>
/// Building a module draws its default init from torch's global generator (nn.Linear does, even where the weights are
/// then loaded or zeroed); a factory whose model takes nothing random from it puts the generator back as it found it,
/// so that building one model never changes another's random numbers.
/// </summary>
public static class GlobalRng
{
    public static T LeftAlone<T>(Func<T> create)
    {
        var state = torch.get_rng_state();
        try { return create(); }
        finally
        {
            torch.set_rng_state(state);
            state.Dispose();
        }
    }
}
