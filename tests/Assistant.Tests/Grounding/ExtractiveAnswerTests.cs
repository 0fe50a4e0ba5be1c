using VoiceHelper.Assistant.Grounding;

namespace VoiceHelper.Assistant.Tests.Grounding;

/// <summary>The rules of the extractive answerer's pure decision, on sentences from real manual pages.</summary>
public sealed class ExtractiveAnswerTests
{
    private static readonly ExtractiveOptions Options = new();

    private static string Answer(string question, IReadOnlyDictionary<string, double>? meaning = null, params GroundedSource[] sources) =>
        ExtractiveAnswer.Compose(new ParsedGroundedPrompt(question, sources, Strict: false), Options, meaning);

    [Fact]
    public void A_question_term_no_source_has_outweighs_a_generic_term_they_share()
    {
        ExtractiveAnswer.Rarity(0, 10).ShouldBeGreaterThan(ExtractiveAnswer.Rarity(1, 10));
        ExtractiveAnswer.Rarity(1, 10).ShouldBeGreaterThan(ExtractiveAnswer.Rarity(6, 10));
        GroundedSource tar = new(1, "tar", "--sort=ORDER When creating an archive, sort directory entries according to ORDER. " +
            "The default is --sort=none, which stores archive members in the same order as returned by the operating system. " +
            "Using --sort=name ensures the member ordering in the created archive is uniform and reproducible.");

        // "order" alone covers half of the question's words, which used to be enough; "refund" is in no sentence.
        Answer("How do I get a refund for my order?", null, tar).ShouldBe(GroundedPrompt.DontKnowEnglish);
        Answer("How do I sort archive members by name?", null, tar).ShouldContain("--sort=name ensures the member ordering");
    }

    [Fact]
    public void From_an_overlong_option_list_only_the_item_that_answers_is_quoted()
    {
        GroundedSource cp = new(1, "cp", "-i, --interactive prompt before overwrite (overrides a previous -n option) -l, --link hard link files " +
            "instead of copying -n, --no-clobber do not overwrite an existing file (overrides a previous -i option) -P, --no-dereference " +
            "never follow symbolic links in SOURCE -p same as --preserve=mode,ownership,timestamps");

        ExtractiveAnswer.Items(cp.Text).ShouldContain("-n, --no-clobber do not overwrite an existing file (overrides a previous -i option)");
        ExtractiveAnswer.Items(cp.Text).Count.ShouldBe(5);
        var answer = Answer("Which cp option does not overwrite an existing file?", null, cp);
        answer.ShouldStartWith("-n, --no-clobber do not overwrite an existing file");
        answer.ShouldNotContain("--interactive");
        answer.ShouldNotContain("--link");
    }

    [Fact]
    public void An_option_keeps_its_dash_while_a_list_bullet_is_dropped()
    {
        GroundedSource pdftotext = new(1, "pdftotext", "-layout Maintain (as best as possible) the original physical layout of the text.\n" +
            "- The default is to undo physical layout (columns, hyphenation, etc.) and output the text in reading order.");

        Answer("How do I keep the original physical layout of the text?", null, pdftotext).ShouldStartWith("-layout Maintain");
        Answer("What does pdftotext do with columns by default?", null, pdftotext).ShouldStartWith("The default is to undo physical layout");
    }

    [Fact]
    public void A_short_label_before_the_quoted_sentence_is_quoted_with_it()
    {
        GroundedSource gzip = new(1, "gzip", "-l --list For each compressed file, list the following fields. " +
            "-t --test Test. Check the compressed file integrity then quit.");

        var answer = Answer("How can I check the integrity of a compressed file?", null, gzip);

        answer.ShouldBe("-t --test Test [1]. Check the compressed file integrity then quit [1].");
    }

    [Fact]
    public void An_option_line_and_its_gloss_on_their_own_lines_are_both_the_label_but_a_section_title_is_not()
    {
        GroundedSource gzip = new(1, "gzip", "-l --list\nFor each compressed file, list the following fields.\n" +
            "-t --test\nTest.\nCheck the compressed file integrity then quit.");
        GroundedSource sort = new(2, "sort", "DESCRIPTION\nWrite sorted concatenation of all FILE(s) to standard output.");

        Answer("How can I check the integrity of a compressed file?", null, gzip)
            .ShouldBe("-t --test [1]. Test [1]. Check the compressed file integrity then quit [1].");
        Answer("How do I write the sorted concatenation of files to standard output?", null, sort)
            .ShouldBe("Write sorted concatenation of all FILE(s) to standard output [2].");
    }

    [Fact]
    public void A_chinese_character_pair_no_source_has_weighs_as_a_single_character()
    {
        GroundedSource museum = new(1, "故宫", "故宫博物院每周一闭馆，法定节假日除外。旺季门票为60元，淡季门票为40元。");

        Answer("故宫博物院星期几不开门？", null, museum).ShouldContain("每周一闭馆");
        Answer("兵马俑在哪个城市？", null, museum).ShouldBe(GroundedPrompt.DontKnowChinese);
    }

    [Fact]
    public void A_sentence_close_in_meaning_that_shares_too_few_words_is_not_an_answer()
    {
        const string delete = "-delete Delete files; true if removal succeeded.";
        GroundedSource find = new(1, "find", delete);
        var close = new Dictionary<string, double> { [delete] = 0.6 };

        Answer("Which Redis command deletes a key?", close, find).ShouldBe(GroundedPrompt.DontKnowEnglish);
        Answer("Which find action deletes files?", close, find).ShouldStartWith("-delete Delete files");
    }

    [Fact]
    public void An_option_line_counts_for_the_description_it_labels()
    {
        GroundedSource basebackup = new(1, "pg_basebackup", "To take a backup from a standby, set up the standby so that it can accept replication connections.\n" +
            "-R\n--write-recovery-conf\nCreates a standby.signal file and appends connection settings to the postgresql.auto.conf file.");

        // The description alone shares only "standby" with the question, as the unrelated sentence above does.
        Answer("Which option writes a recovery configuration for a standby?", null, basebackup)
            .ShouldBe("-R [1]. --write-recovery-conf [1]. Creates a standby.signal file and appends connection settings to the postgresql.auto.conf file [1].");
    }

    [Fact]
    public void A_chinese_sentence_is_no_label_of_the_next_one()
    {
        GroundedSource museum = new(1, "故宫", "故宫博物院每周一闭馆，法定节假日除外。旺季门票为60元，淡季门票为40元。");

        var answer = Answer("淡季门票多少钱？", null, museum);

        answer.ShouldContain("淡季门票为40元");
        answer.ShouldNotContain("闭馆");
    }
}
