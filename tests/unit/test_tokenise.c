/* The tokeniser: word spans and hashes, sentence and paragraph boundaries. */
#include "check.h"
#include "../nbsp.h"
#include "tokenise/tokenise.h"

/* The tokeniser and tokens every test shares; the last test releases them. */
static nd_tokeniser *tk;
static nd_tokens toks;

static void run(const char *text, uint32_t max_sentences)
{
    if (!tk) tk = nd_tokeniser_new();
    CHECK_INT(nd_tokenise(tk, text, strlen(text), max_sentences, &toks), 0);
}

static void tokenise(const char *text) { run(text, 5000); }

static uint32_t hash(const char *folded) { return nd_word_hash(folded, strlen(folded)); }

/* 1 when token i of the last run spans exactly `word` in text */
static int token_is(const char *text, uint32_t i, const char *word)
{
    if (i >= toks.ntok) return 0;
    const nd_token *t = &toks.tok[i];
    return t->end - t->start == strlen(word) && memcmp(text + t->start, word, strlen(word)) == 0;
}

/* 1 when sentence i of the last run spans exactly `s` in text */
static int sentence_is(const char *text, uint32_t i, const char *s)
{
    if (i >= toks.nsent) return 0;
    const nd_sentence *se = &toks.sent[i];
    int ok = se->end - se->start == strlen(s) && memcmp(text + se->start, s, strlen(s)) == 0;
    if (!ok) {
        printf("  sentence %u is \"", i);
        for (uint32_t k = se->start; k < se->end; k++) {
            if (text[k] == '\n') fputs("\\n", stdout);
            else putchar(text[k]);
        }
        printf("\"\n");
    }
    return ok;
}

static void words_have_byte_spans(void)
{
    const char *t = "DeepSeek released R1 on Monday.";
    tokenise(t);
    CHECK_INT(toks.ntok, 5);
    CHECK_INT(toks.tok[0].start, 0);
    CHECK_INT(toks.tok[0].end, 8);
    CHECK_INT(toks.tok[2].start, 18);
    CHECK_INT(toks.tok[2].end, 20);
    CHECK(token_is(t, 4, "Monday"));
    CHECK_INT(toks.nsent, 1);
    CHECK_INT(toks.sent[0].start, 0);
    CHECK_INT(toks.sent[0].end, 31);  /* the full stop belongs to the sentence */
    CHECK_INT(toks.sent[0].tok, 0);
    CHECK_INT(toks.sent[0].ntok, 5);
    /* spans are byte offsets: after a two-byte letter everything shifts by one */
    const char *u = "Jos\xc3\xa9 N\xc3\xba\xc3\xb1" "ez won.";
    tokenise(u);
    CHECK_INT(toks.ntok, 3);
    CHECK(token_is(u, 0, "Jos\xc3\xa9"));
    CHECK(token_is(u, 1, "N\xc3\xba\xc3\xb1" "ez"));
    CHECK_INT(toks.tok[2].start, 14);
}

static void numbers_abbreviations_and_contractions_stay_whole(void)
{
    const char *t = "The lab spent 10,000 hours and $3.5 million on o1-mini, but don't expect the U.S rules to change.";
    tokenise(t);
    CHECK(token_is(t, 3, "10,000"));
    CHECK(token_is(t, 6, "3.5"));
    CHECK(token_is(t, 9, "o1-mini"));
    CHECK(token_is(t, 11, "don't"));
    CHECK(token_is(t, 14, "U.S"));
    CHECK_INT(toks.tok[11].word, hash("don't"));
    CHECK_INT(toks.tok[9].word, hash("o1-mini"));
    /* trailing punctuation is not part of a word */
    const char *u = "In 2024, prices rose 3.5. Sales fell.";
    tokenise(u);
    CHECK(token_is(u, 1, "2024"));
    CHECK(token_is(u, 4, "3.5"));
    CHECK_INT(toks.nsent, 2);  /* a figure before the full stop is not an abbreviation */
    /* a comma between words is not a joiner, nor a dash with spaces */
    const char *v = "Chips, servers - and power.";
    tokenise(v);
    CHECK_INT(toks.ntok, 4);
    CHECK(token_is(v, 0, "Chips"));
}

static void folding_and_possessives_share_a_word_hash(void)
{
    const char *t = "DeepSeek\xe2\x80\x99s model beat DeepSeek's rival and DEEPSEEK and \xef\xbc\xa4\xef\xbd\x85\xef\xbd\x85\xef\xbd\x90"
                    "Seek in don\xe2\x80\x99t tests.";
    tokenise(t);
    uint32_t h = hash("deepseek");
    CHECK_INT(toks.tok[0].word, h);
    CHECK(token_is(t, 0, "DeepSeek\xe2\x80\x99s"));  /* the span keeps the possessive */
    CHECK_INT(toks.tok[3].word, h);
    CHECK_INT(toks.tok[6].word, h);
    CHECK_INT(toks.tok[8].word, h);                 /* full-width ＤｅｅｐSeek */
    CHECK_INT(toks.tok[10].word, hash("don't"));    /* curly apostrophe */
    CHECK(toks.tok[1].word != h);
}

static void flags_mark_stop_words_numbers_and_capitals(void)
{
    const char *t = "The model was trained in China on 2048 chips.";
    tokenise(t);
    CHECK_INT(toks.ntok, 9);
    CHECK_INT(toks.tok[0].flags, ND_TOK_STOP | ND_TOK_CAPITAL);  /* The */
    CHECK_INT(toks.tok[1].flags, 0);                             /* model */
    CHECK_INT(toks.tok[2].flags, ND_TOK_STOP);                   /* was */
    CHECK_INT(toks.tok[3].flags, 0);                             /* trained */
    CHECK_INT(toks.tok[4].flags, ND_TOK_STOP);                   /* in */
    CHECK_INT(toks.tok[5].flags, ND_TOK_CAPITAL);                /* China */
    CHECK_INT(toks.tok[7].flags, ND_TOK_NUMBER);                 /* 2048 */
    /* reporting verbs are stop words: rewrites swap them freely */
    tokenise("Officials said, told, explained and noted it.");
    CHECK(toks.tok[1].flags & ND_TOK_STOP);
    CHECK(toks.tok[2].flags & ND_TOK_STOP);
    CHECK(toks.tok[3].flags & ND_TOK_STOP);
    CHECK(toks.tok[5].flags & ND_TOK_STOP);
    CHECK(!(toks.tok[0].flags & ND_TOK_STOP));
}

static void stems_join_inflections(void)
{
    tokenise("Trains trained training train 2048 the");
    CHECK_INT(toks.ntok, 6);
    uint32_t s = toks.tok[3].stem;
    CHECK_INT(toks.tok[0].stem, s);
    CHECK_INT(toks.tok[1].stem, s);
    CHECK_INT(toks.tok[2].stem, s);
    CHECK(toks.tok[0].word != toks.tok[1].word);
    /* numbers and stop words are not stemmed */
    CHECK_INT(toks.tok[4].stem, toks.tok[4].word);
    CHECK_INT(toks.tok[5].stem, toks.tok[5].word);
    /* the same word gives the same stem on a second tokeniser (no hidden state) */
    nd_tokeniser *other = nd_tokeniser_new();
    nd_tokens o = { 0 };
    CHECK_INT(nd_tokenise(other, "trained", 7, 10, &o), 0);
    CHECK_INT(o.tok[0].stem, s);
    nd_tokens_free(&o);
    nd_tokeniser_free(other);
}

static void titles_abbreviations_and_initials_do_not_end_sentences(void)
{
    const char *t = "Mr. Smith arrived in Washington on Monday. He met U.S. officials at noon. "
                    "J. Smith, his aide, took notes. Dr. Ortiz of Acme Corp. declined to comment.";
    tokenise(t);
    CHECK_INT(toks.nsent, 4);
    CHECK(sentence_is(t, 0, "Mr. Smith arrived in Washington on Monday."));
    CHECK(sentence_is(t, 1, "He met U.S. officials at noon."));
    CHECK(sentence_is(t, 2, "J. Smith, his aide, took notes."));
    CHECK(sentence_is(t, 3, "Dr. Ortiz of Acme Corp. declined to comment."));
    /* "No. 1" is a rank, not a sentence end */
    tokenise("The firm ranked No. 1 in the survey. Rivals followed.");
    CHECK_INT(toks.nsent, 2);
}

static void question_and_exclamation_marks_end_sentences(void)
{
    const char *t = "Did the ban work? Analysts doubt it! The debate continues.";
    tokenise(t);
    CHECK_INT(toks.nsent, 3);
    CHECK(sentence_is(t, 0, "Did the ban work?"));
    CHECK(sentence_is(t, 1, "Analysts doubt it!"));
    /* no split without a following capital, digit, quote or bracket */
    tokenise("The model scored 3.5 points. and then more.");
    CHECK_INT(toks.nsent, 1);
    tokenise("Sales rose. 2024 was strong.");
    CHECK_INT(toks.nsent, 2);
}

static void quotations_and_their_sentences(void)
{
    /* “We will keep building,” he said. Next */
    const char *t = "\xe2\x80\x9cWe will keep building,\xe2\x80\x9d he said. Next year the firm will hire 200 engineers.";
    tokenise(t);
    CHECK_INT(toks.nsent, 2);
    CHECK_INT(toks.sent[0].end, strstr(t, " Next") - t);
    CHECK(sentence_is(t, 1, "Next year the firm will hire 200 engineers."));
    CHECK(toks.sent[0].flags & ND_SENT_QUOTE);
    CHECK(!(toks.sent[1].flags & ND_SENT_QUOTE));
    /* a closing quote after the full stop belongs to the sentence it ends */
    const char *u = "She said: \"The chips are slower than ours.\" Analysts disagreed with that view.";
    tokenise(u);
    CHECK_INT(toks.nsent, 2);
    CHECK(sentence_is(u, 0, "She said: \"The chips are slower than ours.\""));
    CHECK(toks.sent[0].flags & ND_SENT_QUOTE);
    CHECK(!(toks.sent[1].flags & ND_SENT_QUOTE));
    /* an apostrophe is not a quotation mark */
    tokenise("DeepSeek\xe2\x80\x99s engineers don't sleep. The companies\xe2\x80\x99 chips differ.");
    CHECK_INT(toks.nsent, 2);
    CHECK(!(toks.sent[0].flags & ND_SENT_QUOTE));
    CHECK(!(toks.sent[1].flags & ND_SENT_QUOTE));
}

static void an_opening_quote_belongs_to_the_sentence_it_opens(void)
{
    /* “The chips are slower. We adapted,” he said.  The first sentence opens the
     * quotation: its span starts at the mark and it carries the quote flag, as
     * a closing mark belongs to the sentence it ends. */
    const char *t = "\xe2\x80\x9cThe chips are slower. We adapted anyway,\xe2\x80\x9d he said.";
    tokenise(t);
    CHECK_INT(toks.nsent, 2);
    CHECK(sentence_is(t, 0, "\xe2\x80\x9cThe chips are slower."));
    CHECK(toks.sent[0].flags & ND_SENT_QUOTE);
    CHECK(toks.sent[1].flags & ND_SENT_QUOTE);
    const char *u = "Markets fell. \xe2\x80\x9cWe will keep building,\xe2\x80\x9d he said.";
    tokenise(u);
    CHECK_INT(toks.nsent, 2);
    CHECK(sentence_is(u, 1, "\xe2\x80\x9cWe will keep building,\xe2\x80\x9d he said."));
    /* the same with a straight quote and a single-sentence quotation */
    tokenise("\"Export controls failed.\" That was the verdict.");
    CHECK_INT(toks.nsent, 2);
    CHECK(toks.sent[0].flags & ND_SENT_QUOTE);
}

static void blank_lines_and_single_lines_make_paragraphs(void)
{
    const char *t = "The regulator opened an inquiry. It will report in May.\n\n"
                    "The company said it would cooperate.\n"
                    "Shares were unchanged.\n";
    tokenise(t);
    CHECK_INT(toks.nsent, 4);
    CHECK_INT(toks.sent[0].para, 0);
    CHECK_INT(toks.sent[1].para, 0);
    CHECK_INT(toks.sent[2].para, 1);
    CHECK_INT(toks.sent[3].para, 2);  /* a short line that ends a sentence is a paragraph of web text */
    CHECK(sentence_is(t, 1, "It will report in May."));
    /* several blank lines are one break */
    tokenise("First paragraph here.\n\n\n   \n\nSecond paragraph here.");
    CHECK_INT(toks.nsent, 2);
    CHECK_INT(toks.sent[1].para, 1);
}

static void hard_wrapped_lines_join_into_one_sentence(void)
{
    const char *t = "    WASHINGTON (Reuters) - The Federal Reserve held interest rates\n"
                    "steady on Wednesday, and officials signalled two cuts later this year.\n"
                    "    Markets rallied after the decision, with the broad index closing up\n"
                    "one percent at a record high.\n";
    tokenise(t);
    CHECK_INT(toks.nsent, 2);
    CHECK(sentence_is(t, 0, "WASHINGTON (Reuters) - The Federal Reserve held interest rates\n"
                            "steady on Wednesday, and officials signalled two cuts later this year."));
    CHECK(sentence_is(t, 1, "Markets rallied after the decision, with the broad index closing up\n"
                            "one percent at a record high."));
    CHECK_INT(toks.sent[0].para, 0);
    CHECK_INT(toks.sent[1].para, 1);
    /* CRLF line ends wrap the same way */
    const char *u = "The Federal Reserve held interest rates steady on Wednesday and\r\n"
                    "signalled two cuts.\r\n";
    tokenise(u);
    CHECK_INT(toks.nsent, 1);
    CHECK_INT(toks.sent[0].end, strlen(u) - 2);
}

static void short_or_indented_lines_do_not_wrap(void)
{
    /* a long line without end punctuation followed by an indented line: a new paragraph */
    const char *t = "The Federal Reserve held interest rates steady on Wednesday and said\n"
                    "    Markets rallied after the decision.\n";
    tokenise(t);
    CHECK_INT(toks.nsent, 2);
    CHECK_INT(toks.sent[1].para, toks.sent[0].para + 1);
    /* a headline (short, unpunctuated) is its own sentence, not glued to the lead */
    const char *u = "Fed holds rates steady\nThe Federal Reserve held interest rates steady on Wednesday.";
    tokenise(u);
    CHECK_INT(toks.nsent, 2);
    CHECK(sentence_is(u, 0, "Fed holds rates steady"));
}

static void boilerplate_lines_are_flagged(void)
{
    const char *t = "Skip to content\nThe company released its results on Monday.\nShare this article\n";
    tokenise(t);
    CHECK_INT(toks.nsent, 3);
    CHECK_INT(toks.sent[0].flags, ND_SENT_BOILER);
    CHECK_INT(toks.sent[1].flags, 0);
    CHECK_INT(toks.sent[2].flags, ND_SENT_BOILER);
    for (uint32_t i = 0; i < toks.ntok; i++) {
        int in_boiler = i < toks.sent[1].tok || i >= toks.sent[2].tok;
        CHECK_INT((toks.tok[i].flags & ND_TOK_BOILER) != 0, in_boiler);
    }
    /* furniture right after a line that looked hard-wrapped: two sentences, spans apart */
    const char *u = "The Federal Reserve held interest rates steady on Wednesday and signalled\n"
                    "Share this article\n";
    tokenise(u);
    CHECK_INT(toks.nsent, 2);
    CHECK(sentence_is(u, 0, "The Federal Reserve held interest rates steady on Wednesday and signalled"));
    CHECK(sentence_is(u, 1, "Share this article"));
    CHECK_INT(toks.sent[1].flags, ND_SENT_BOILER);
}

static void sentence_spans_never_overlap(void)
{
    const char *t = "Skip to content\n"
                    "\xe2\x80\x9cThe chips are slower. We adapted anyway,\xe2\x80\x9d he said. \"Export controls failed.\"\n"
                    "The Federal Reserve held interest rates steady on Wednesday and signalled\n"
                    "Share this article\n"
                    "    WASHINGTON (Reuters) - The Federal Reserve held interest rates\n"
                    "steady on Wednesday. Officials signalled two cuts later this year.\n";
    tokenise(t);
    CHECK_INT(toks.nsent, 8);
    for (uint32_t i = 0; i < toks.nsent; i++) {
        const nd_sentence *s = &toks.sent[i];
        CHECK(s->start < s->end);
        if (i) CHECK(s->start >= toks.sent[i - 1].end);
        /* a sentence's words lie inside its span */
        if (s->ntok) {
            CHECK(toks.tok[s->tok].start >= s->start);
            CHECK(toks.tok[s->tok + s->ntok - 1].end <= s->end);
        }
    }
}

static void max_sentences_stops_early(void)
{
    const char *t = "One sentence here. Two sentences here. Three sentences here. Four sentences here. Five.";
    run(t, 3);
    CHECK_INT(toks.nsent, 3);
    CHECK(sentence_is(t, 2, "Three sentences here."));
    CHECK_INT(toks.ntok, toks.sent[2].tok + toks.sent[2].ntok);  /* no tokens past the cut */
    run(t, 1);
    CHECK_INT(toks.nsent, 1);
    CHECK_INT(toks.ntok, 3);
    /* the same cut when sentences end at line ends */
    run("Line one ends.\nLine two ends.\nLine three ends.\n", 2);
    CHECK_INT(toks.nsent, 2);
    CHECK_INT(toks.ntok, 6);
}

static void empty_and_wordless_input_give_nothing(void)
{
    tokenise("");
    CHECK_INT(toks.nsent, 0);
    CHECK_INT(toks.ntok, 0);
    tokenise("  \n\n \t\r\n");
    CHECK_INT(toks.nsent, 0);
    tokenise("--- ... !!! \xe2\x80\x94 ***");
    CHECK_INT(toks.nsent, 0);
    CHECK_INT(toks.ntok, 0);
}

static void buffers_are_reused_between_runs(void)
{
    const char *long_text = "The regulator opened an inquiry into the merger of the two largest chip makers. "
                            "It will report in May. The companies said they would cooperate fully.";
    tokenise(long_text);
    CHECK_INT(toks.nsent, 3);
    const char *t = "Shares fell.";
    tokenise(t);
    CHECK_INT(toks.nsent, 1);
    CHECK_INT(toks.ntok, 2);
    CHECK(sentence_is(t, 0, "Shares fell."));
}

static void long_words_are_capped_not_overrun(void)
{
    char t[400];
    memset(t, 'x', 300);
    strcpy(t + 300, " appears in the log.");
    tokenise(t);
    CHECK_INT(toks.ntok, 5);
    CHECK_INT(toks.tok[0].end, 300);  /* the span is the whole word; only its hash is capped */
    char capped[64];
    memset(capped, 'x', 64);
    CHECK_INT(toks.tok[0].word, nd_word_hash(capped, 64));
}

static void ascii_fast_path_agrees_with_the_general_path(void)
{
    static const char *const texts[] = {
        "The U.S. and e.g. J. Smith met Dr. Jones at 10,000 ft, paying $3.5 million in Jan. 2024 .",
        "don't won't rock'n'roll o1-mini state-of-the-art x- -y -z 'quoted' a' b- c. d, end",
        "1,2,3 a,b 3.14.15 v2.0.1 4.a a.4 1.5, 2..3 a--b a''b 1,a a,1 1.a, 5'6 7-8 .5 ,5",
        "Caf\xc3\xa9 \xc3\x85ngstr\xc3\xb6m na\xc3\xafve fa\xc3\xa7" "ade \xc3\x89" "COLE r\xc3\xa9sum\xc3\xa9s",
        "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x98single\xe2\x80\x99 it\xe2\x80\x99s people\xe2\x80\x99s don\xe2\x80\x99t",
        "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3\xef\xbc\x91\xef\xbc\x92 full\xef\xbc\x8dwidth ab\xef\xbc\xa3 \xef\xbc\xa3" "ab",
        "en\xe2\x80\x93" "dash em\xe2\x80\x94" "dash x\xe2\x88\x92" "1 pre\xe2\x80\x90" "fix non\xe2\x80\x91" "breaking",
        "abc\xc3\xa9 \xc3\xa9" "abc abc\xc3\xa9" "def 10\xe2\x82\xac \xe2\x82\xac" "10 1\xc2\xbd x\xc2\xb2 a\xcc\x81" "b e\xcc\x81",
        "abc\xff" "def ghi\x80 jkl \xff" "mno",  /* invalid bytes: decoded as U+FFFD, which ends a word */
        "NASA's GDP's 2024's X's O'Brien's 's s' WORD'S word'\xc3\xa9 word-\xc3\xa9 1,\xd9\xa3 1.\xd9\xa3",
        "\xd9\xa1\xd9\xa2\xd9\xa3 \xd9\xa4,\xd9\xa5 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe6\x96\x87 "
        "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0 \xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1",
        "Supercalifragilisticexpialidociousandthensomemorelettersuntilitissixtyfourbytesandbeyond "
        "a-very-long-hyphenated-compound-that-runs-past-the-sixty-four-byte-cap-of-a-word's",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        tokenise(texts[k]);
        uint32_t n = toks.ntok;
        CHECK(n > 0);
        nd_token *fast = malloc((n + 1) * sizeof *fast);
        size_t m;
        char *general = with_nbsp(texts[k], strlen(texts[k]), &m);
        if (!fast || !general) {
            CHECK(0);
            free(fast);
            free(general);
            return;
        }
        memcpy(fast, toks.tok, n * sizeof *fast);
        tokenise(general);
        CHECK_INT(toks.ntok, n);
        for (uint32_t i = 0; i < n && i < toks.ntok; i++) {
            const nd_token *a = &fast[i], *b = &toks.tok[i];
            int same = a->end - a->start == b->end - b->start && a->word == b->word && a->stem == b->stem &&
                       (a->flags & ~ND_TOK_BOILER) == (b->flags & ~ND_TOK_BOILER);  /* line word counts differ */
            if (!same) printf("  text %zu, token %u: \"%.*s\"\n", k, i, (int)(a->end - a->start), texts[k] + a->start);
            CHECK(same);
        }
        free(fast);
        free(general);
    }
}

/* Runs last: releases what the other tests shared, checking the release contract. */
static void freeing_resets_and_accepts_null(void)
{
    nd_tokens_free(&toks);
    CHECK(toks.tok == NULL && toks.sent == NULL);
    CHECK_INT(toks.ntok + toks.nsent + toks.tokcap + toks.sentcap, 0);
    nd_tokeniser_free(tk);
    tk = NULL;
    nd_tokeniser_free(NULL);
}

CHECK_MAIN("tokenise",
    TEST(words_have_byte_spans),
    TEST(numbers_abbreviations_and_contractions_stay_whole),
    TEST(folding_and_possessives_share_a_word_hash),
    TEST(flags_mark_stop_words_numbers_and_capitals),
    TEST(stems_join_inflections),
    TEST(titles_abbreviations_and_initials_do_not_end_sentences),
    TEST(question_and_exclamation_marks_end_sentences),
    TEST(quotations_and_their_sentences),
    TEST(an_opening_quote_belongs_to_the_sentence_it_opens),
    TEST(blank_lines_and_single_lines_make_paragraphs),
    TEST(hard_wrapped_lines_join_into_one_sentence),
    TEST(short_or_indented_lines_do_not_wrap),
    TEST(boilerplate_lines_are_flagged),
    TEST(sentence_spans_never_overlap),
    TEST(max_sentences_stops_early),
    TEST(empty_and_wordless_input_give_nothing),
    TEST(buffers_are_reused_between_runs),
    TEST(long_words_are_capped_not_overrun),
    TEST(ascii_fast_path_agrees_with_the_general_path),
    TEST(freeing_resets_and_accepts_null))
