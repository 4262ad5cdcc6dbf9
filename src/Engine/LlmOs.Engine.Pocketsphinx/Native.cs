using System.Runtime.InteropServices;

namespace LlmOs.Engine.Pocketsphinx;

/// <summary>
/// The part of Debian's pocketsphinx 5prealpha C API llmos uses. Bound to the <c>.so.3</c> names: the unversioned
/// ones exist only with the -dev packages. <c>cmd_ln_init</c> is variadic (unsafe to call through P/Invoke on x86-64),
/// so the configuration is parsed from an argv array with <c>cmd_ln_parse_r</c>.
/// </summary>
internal static partial class Native
{
    private const string Sphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    [LibraryImport(Sphinx, EntryPoint = "ps_args")]
    public static partial nint PsArgs();

    [LibraryImport(SphinxBase, EntryPoint = "cmd_ln_parse_r")]
    public static partial nint CmdLnParse(nint inout, nint definitions, int argc, nint[] argv, int strict);

    [LibraryImport(SphinxBase, EntryPoint = "cmd_ln_free_r")]
    public static partial int CmdLnFree(nint config);

    [LibraryImport(Sphinx, EntryPoint = "ps_init")]
    public static partial nint Init(nint config);

    [LibraryImport(Sphinx, EntryPoint = "ps_free")]
    public static partial int Free(nint decoder);

    [LibraryImport(Sphinx, EntryPoint = "ps_set_jsgf_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetJsgfString(DecoderHandle decoder, string name, string jsgf);

    [LibraryImport(Sphinx, EntryPoint = "ps_set_allphone_file", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetAllphoneFile(DecoderHandle decoder, string name, string path);

    [LibraryImport(Sphinx, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetSearch(DecoderHandle decoder, string name);

    [LibraryImport(Sphinx, EntryPoint = "ps_unset_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetSearch(DecoderHandle decoder, string name);

    [LibraryImport(Sphinx, EntryPoint = "ps_start_utt")]
    public static partial int StartUtt(DecoderHandle decoder);

    [LibraryImport(Sphinx, EntryPoint = "ps_process_raw")]
    public static partial int ProcessRaw(DecoderHandle decoder, ReadOnlySpan<short> data, nuint samples, int noSearch, int fullUtterance);

    [LibraryImport(Sphinx, EntryPoint = "ps_end_utt")]
    public static partial int EndUtt(DecoderHandle decoder);

    [LibraryImport(Sphinx, EntryPoint = "ps_get_hyp")]
    public static partial nint GetHyp(DecoderHandle decoder, out int score);

    /// <summary>
    /// The best path's word segments. Declared with the out-score of older releases: Debian's build takes only the
    /// decoder, and on x86-64 a surplus argument is never read.
    /// </summary>
    [LibraryImport(Sphinx, EntryPoint = "ps_seg_iter")]
    public static partial nint SegIter(DecoderHandle decoder, out int score);

    [LibraryImport(Sphinx, EntryPoint = "ps_seg_next")]
    public static partial nint SegNext(nint segment);

    [LibraryImport(Sphinx, EntryPoint = "ps_seg_word")]
    public static partial nint SegWord(nint segment);

    [LibraryImport(Sphinx, EntryPoint = "ps_seg_frames")]
    public static partial void SegFrames(nint segment, out int start, out int end);

    [LibraryImport(Sphinx, EntryPoint = "ps_get_prob")]
    public static partial int GetProb(DecoderHandle decoder);

    [LibraryImport(Sphinx, EntryPoint = "ps_get_n_frames")]
    public static partial int GetFrameCount(DecoderHandle decoder);

    [LibraryImport(Sphinx, EntryPoint = "ps_get_logmath")]
    public static partial nint GetLogMath(DecoderHandle decoder);

    [LibraryImport(SphinxBase, EntryPoint = "logmath_exp")]
    public static partial double LogMathExp(nint logMath, int value);
}
