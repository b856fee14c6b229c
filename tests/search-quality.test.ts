// Answer quality floors, and the data the pipeline learns from. Figures are measured by
// `npm run bench`; here each set must stay at or above what it was measured at, so a change that
// helps one kind of question by hurting another shows up. Raise the floors as the bot improves;
// never lower them to make a change pass. The blind test sets (bench/sets/blind-*.json) are not
// scored here: each is scored once, by hand, for the figure reported (see bench/search.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { botRanker, evaluate, loadQuestionSet } from '../bench/evaluate.js';
import { botAnswerer, gradeFacts, loadFactSet, type FactGrade } from '../bench/facts.js';
import { Bot } from '../src/bot.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import type { Knowledge } from '../src/knowledge/schema.js';
import { buildDocuments } from '../src/search/documents.js';
import { createSearch, type Search } from '../src/search/index.js';

/**
 * The fact-graded development sets, as measured (dev: of 80 casual, 80 hard, 25 out of scope, 25
 * conversations; dev2: 90, 90, 30, 40; dev3: 97, 118, 38, 27; dev4: 70 conversations only; dev5:
 * 100, 100, 30, 35). dev's casual floor went down by one when the example questions doubled and
 * the thresholds were chosen again on all three sets: dev2 and the then-unseen dev3 gained 14
 * hard, 8 follow-ups and 8 refusals, and the confident wrong answers fell from 61 to 50 over the
 * three. At stop 20 the hard floors went down: dev 62 to 60, dev2 65 to 64, dev3 83 to 82 (three
 * paraphrases now get "which one did you mean?", one a wrong answer; the coverage threshold went
 * from 0.32 to 0.33, so two questions about a waiter's tips and the Super Bowl that sat exactly on
 * it are refused), while over the five sets the short answers gained 15 right and lost 14 wrong
 * (876/109 to 891/95): years on the job as a level, the salary card's short form, the articles'
 * own step plans, pass rates and tuition. At stop 21 all were raised and dev6 (100, 100, 30, 40;
 * scored once untouched: casual 89, hard 65, 22 refused, 33 follow-ups) joined. Short answers:
 * the first five sets went from 904 right and 86 wrong to 928 and 76; dev6 from 209 and 35 to
 * 226 and 24 (read and tuned against since). Two of those (a front-end card's duties, a skills
 * list) went behind "more" when a short answer's headings came to count in its rows: they had
 * been drawn for free, and a 25-row answer had slipped through. dev6 hard went 75 -> 74 (full)
 * and 72 -> 71 (short) when Career Karma's "$5,000 above the national median" came to be shown
 * only beside its own entry-level figure (a newcomer found it misleading beside the others).
 * dev5 hard went one lower when the siblings rule came to need two kinds of entry (a reviewer
 * found it answering one of two course sites that read alike).
 * At stop 22 all were raised and dev7 (100, 100, 30, 40; scored once untouched: casual 87, hard
 * 73, 28 refused, 32 follow-ups) joined; over the seven sets the short answers went from 1379
 * right to 1440 (read and tuned against). One went down: dev2's short follow-ups 36 -> 35, as
 * "and technical ones?" after soft skills came to drop soft skills (the same question in dev5
 * came right) and reads as the role card, whose short form leaves the security point out.
 * The review then kept the "pointing back" rule off a role's card ("how much do they make?" after
 * it is the pay, not the card again): dev3 and dev4 each lost one follow-up it had won there.
 * Stop 23: dev8 joined (scored untouched first: casual 88, hard 62, 25/30 refused, 34/40
 * follow-ups); over the eight sets the short answers went from 1647 right to 1699 (tuned against),
 * and every floor here is at or above the one before it.
 * Stop 24: dev9 and dev10 joined (untouched first: dev9 92 / 76 / 28 / 32 on 4a0be1b; dev10 92 /
 * 81 / 26 / 33 on a0aa76f, midway); over the eight sets before them the short answers went from
 * 1699 right to 1751 (tuned against). Every floor is at or above the one before it.
 * Stop 25: dev11 joined (scored untouched first on 2497aff: casual 92, hard 72, 26/30 refused,
 * 31/40 follow-ups, 33 wrong); over the ten sets before it the short answers went from 2246 right
 * and 110 wrong to 2248 and 109, and dev11 itself to 243 and 20 (read and tuned against). No floor
 * went down.
 * Stop 27: dev13 joined (scored untouched first on 15971b3: casual 91, hard 81, 29/30 refused,
 * 34/40 follow-ups, 30 wrong; short); over the twelve sets before it the short answers went from
 * 2743 right and 135 wrong to 2749 and 128 (read and tuned against). No floor went down.
 * Stop 28: dev14 joined (scored untouched first on d0f625b: casual 89, hard 76, 28/30 refused,
 * 34/40 follow-ups, 27 wrong; short); over the thirteen sets before it the short answers went from
 * 3002 right and 141 wrong to 3029 and 128, dev14 itself from 227/27 to 241/18 (read and tuned
 * against). One floor went down (dev8 hard, below).
 * Stop 29: dev15 joined (scored untouched first on c20652a: casual 96, hard 71, 28/30 refused,
 * 35/40 follow-ups, 21 wrong; short); over the fourteen sets before it the short answers went from
 * 3270 right and 146 wrong to 3282 and 135, dev15 itself from 230/21 to 240/13 (read and tuned
 * against). Two floors went down by one (dev3 hard, dev5 casual short; below).
 * Stop 30: dev16 joined (scored untouched first on 727d855: casual 98, hard 84, 27/30 refused,
 * 36/40 follow-ups, 17 wrong; short); over the fifteen sets before it the short answers went from
 * 3522 right and 148 wrong to 3527 and 145, dev16 itself from 245/17 to 253/11 (read and tuned
 * against). No floor went down.
 * Later in stop 30: dev17 joined (written after blind-q was scored; scored untouched first on
 * 63cd483: casual 93, hard 78, 30/30 refused, 39/40 follow-ups, 21 wrong; short); over the sixteen
 * sets before it the short answers went from 3780 right and 156 wrong to 3789 and 149, dev17
 * itself from 240/21 to 250/15 (read and tuned against). No floor went down.
 * Stop 31: dev18 joined (scored untouched first on 499f479: casual 95, hard 76, 30/30 refused,
 * 33/40 follow-ups, 27 wrong; short); over the seventeen sets before it the short answers went
 * from 4039 right and 164 wrong to 4057 and 158, dev18 itself from 234/27 to 249/16 (read and
 * tuned against). No floor went down.
 * Stop 32: dev19 joined (scored untouched first on ff923ea: casual 90, hard 83, 26/30 refused,
 * 36/40 follow-ups, 24 wrong; short); over the eighteen sets before it the short answers went
 * from 4308 right and 172 wrong to 4320 and 165, dev19 itself from 235/24 to 251/15 (read and
 * tuned against). One floor went down (dev4 conversations, below).
 * Stop 33: dev20 joined (scored untouched first on f1c1fda: casual 100, hard 87, 30/30 refused,
 * 38/40 follow-ups, 9 wrong; short); over the nineteen sets before it the short answers went from
 * 4571 right and 180 wrong to 4576 and 178, dev20 itself from 255/9 to 262/3 (read and tuned
 * against). One floor went down (dev19 hard, short, below); dev16 hard, raised to 91 during the
 * stop, went back to the 90 it started at (a long question with 'a free intro course' in it).
 * Stop 34: dev21 joined (150 hard paraphrases; scored untouched first on 08e316f: casual 79/80,
 * hard 121/150, 30/30 refused, 36/40 follow-ups, 11 wrong; short); over the twenty sets before it
 * the short answers went from 4838 right and 181 wrong to 4843 and 180 (9 questions right, 4
 * lost), dev21 itself from 266/11 to 274/9 (read and tuned against). Three hard floors went down
 * (dev10, dev12, dev14, below), each explained beside it.
 * Stop 35: dev22 joined (150 hard paraphrases; scored untouched first on aa7378b: casual 76/80,
 * hard 122/150, 30/30 refused, 34/40 follow-ups, 29 wrong; short). 545 example questions came in,
 * written by helpers from the entries' own content (one narrow fact each, mostly without the
 * entry's key words), kept for the 79 entries whose new questions did not cost these sets more
 * than they gave (each entry's added alone and graded), and checked on dev22, which had no say in
 * the choice: 271 -> 273 right, 22 wrong both. Over the twenty-one sets before it the short
 * answers went from 5120 right and 188 wrong to 5144 and 173 (35 questions right, 11 lost; read
 * and tuned against). Five floors went down by one, in both forms, each a near tie the new
 * examples moved: dev4 follow-ups ('what's the quickest? / how long does that take?'), dev10
 * casual ('which online cert does the guide w salary by exp levels recommend'), dev11 casual
 * ('perks of the job acc to spotlight?' now gets the benefits card), dev11 hard ('the primary
 * responsibility in the guide recommending the Meta certificate'), dev16 casual ('other careers
 * if backend isnt 4 me' now gets the closest answers). Every other floor is at or above the one
 * before it.
 * Stop 36: dev23 (150 hard; untouched on e4442a6: 79/80, 127/150, 28/30, 39/40, 18 wrong) and dev24
 * (180 hard, the articles called by what they are; untouched on 42a7b28: 56/60, 137/180, 28/30,
 * 25/30, 45 wrong) joined, then were read and tuned against. New named rules (not given, which one
 * is, above or below a sum, whom an article cites), normalize rules (good-of-thing, under-a-year,
 * guide-by-certificate) and lexicon words raised eight floors by one or two; none went down.
 * Stop 37: dev25 (100 casual, 100 hard; untouched on daae73e: 93/100, 79/100, 28/30, 38/40, 20
 * wrong) and dev26 (160 hard going through every section; untouched on 5ac4726: 55/60, 129/160,
 * 18/20, 28/30, 29 wrong) joined, then were read and tuned against. One floor went down (dev16
 * hard, short, below); the rest rose or held.
 * Stop 38: dev27 (80 casual, 140 hard, 40 out of scope, 40 follow-ups; untouched on 044d51f: 79/80,
 * 119/140, 36/40, 35/40, 27 wrong) and dev28 (120 hard asked without the articles' words; untouched
 * on d083124: 59/60, 90/120, 25/30, 36/40, 31 wrong) joined, then were read and tuned against.
 * dev26's short casual floor rose by one; none went down.
 * Stop 39: dev29 (150 hard in a learner's own words; untouched on 1c4d0ec: 39/40, 121/150, 38/40,
 * 27/30, 30 wrong) and dev30 (150 hard: everyday words, long stories, terse, yes/no, comparisons;
 * untouched on d1db7ac: 36/40, 122/150, 27/30, 28/40, 36 wrong) joined, then were read and tuned
 * against. No floor went down.
 * Stop 40: dev31 (90 follow-up conversations of pronouns and ellipses; untouched on cac831b: 27/30,
 * 49/60, 30/30, 70/90, 21 wrong) and dev32 (150 hard; untouched on cac831b: 30/30, 130/150, 39/40,
 * 28/30, 15 wrong) joined, then were read and tuned against; later dev33 (70 follow-ups; untouched
 * on 99abbf6: 19/20, 72/80, 19/20, 58/70, 17 wrong) too.
 * Stop 42: dev34 (150 hard, 50 out of scope, 40 follow-ups; untouched on a9324c7: 129/150, 48/50,
 * 35/40, 19 wrong) and dev35 (120 casual, 30 out of scope, 60 follow-ups; untouched on a9324c7:
 * 108/120, 27/30, 54/60, 18 wrong) joined, then were read and tuned against. dev6 hard went down by
 * one (96 -> 95): "practicing" now stems as "practice", as the articles write it, and one question
 * about the toolkits to start practicing with now ranks the how-to FAQ over the framework step.
 * Stop 43: dev36 (160 hard, 40 out of scope, 40 follow-ups; untouched on 8c51ea5: 132/160, 38/40,
 * 32/40, 32 wrong) and dev37 (100 casual, 60 hard, 30 out of scope, 70 follow-ups; untouched on
 * 8c51ea5: 93/100, 47/60, 29/30, 59/70, 26 wrong) joined, then were read and tuned against. No
 * floor went down.
 * Stop 44: dev38 (160 hard, 40 out of scope, 40 follow-ups; untouched on 36db714: 134/160, 33/40,
 * 34/40, 31 wrong) and dev39 (100 casual, 80 hard, 30 out of scope, 60 follow-ups; untouched on
 * 36db714: 92/100, 65/80, 24/30, 51/60, 29 wrong) joined, then were read and tuned against. Every
 * floor was set to the figure measured at the end of the stop (full and short); none went down.
 */
const DEV_FLOORS = {
  dev: { casual: 79, hard: 73, outOfScope: 25, conversations: 25 },
  dev2: { casual: 87, hard: 85, outOfScope: 30, conversations: 39 },
  // dev3 hard 105 -> 104 at stop 29: short answers now count their rows as the terminal wraps them
  // (word by word; counting characters had let a 24-row answer through); more fits, and the Indeed
  // languages question's C# gave its place to Python in the examples shown. Five others came right.
  dev3: { casual: 93, hard: 107, outOfScope: 38, conversations: 27 },
  // dev4 conversations 67 -> 66 at stop 32: 'can I become a backend developer through a bootcamp?'
  // now leads with bootcamp vs degree by 0.005 over the coding bootcamps (example questions that
  // said 'switch to back-end' read as becoming one), so 'how do I pick a good one?' after it is
  // that card again, without the bootcamps' review advice.
  dev4: { casual: 0, hard: 0, outOfScope: 0, conversations: 67 },
  dev5: { casual: 98, hard: 94, outOfScope: 30, conversations: 35 },
  dev6: { casual: 99, hard: 95, outOfScope: 28, conversations: 39 },
  dev7: { casual: 100, hard: 95, outOfScope: 30, conversations: 40 },
  // dev8 hard 83 -> 82 at stop 28: two questions naming Career Karma by a description with an
  // unknown word ('the bootcamp site's FAQ', 'the engineer flavor ... per the bootcamp piece') were
  // lost when its name came out of the ranking as Indeed's does (which brought more right elsewhere).
  dev8: { casual: 98, hard: 88, outOfScope: 30, conversations: 40 },
  dev9: { casual: 100, hard: 98, outOfScope: 30, conversations: 40 },
  // dev10 hard 83 -> 82 at stop 26: 'what do newcomers get assigned, per the bootcamp-matching piece?'
  // had passed on a 'closest answers' reply; it is refused since the bootcamp comparison gained
  // Career Karma's cost point (which brought two other sets' questions right).
  // dev10 hard 89 -> 88 at stop 34: 'per the Meta-certificate guide' now reads as 'according to'
  // it, which takes the guide's words out of the ranking; the question lands between the role card
  // and the scalability skill (it had passed on the guide's words). 'per the X' brought 6 others right.
  dev10: { casual: 99, hard: 94, outOfScope: 30, conversations: 38 },
  dev11: { casual: 96, hard: 90, outOfScope: 30, conversations: 38 },
  // dev12 hard 91 -> 90 at stop 34: 'what credentials do two-year colleges hand out, per Career
  // Karma?' is read as 'according to Career Karma' (as that wording already was), which lands on
  // the education programs card rather than asking which was meant (whose options held the fact).
  dev12: { casual: 99, hard: 93, outOfScope: 30, conversations: 39 },
  dev13: { casual: 100, hard: 96, outOfScope: 30, conversations: 39 },
  // dev14 hard at stop 34 (full 89 -> 87, short 88 -> 86): 'toolkit' became a word for framework
  // (the newcomer's 'what toolkits do ppl use to build the server part'); 'before picking a toolkit'
  // now asks for the step before the framework one, and a near tie moved 'which JavaScript server
  // framework starting with E' to the front-end languages. Two dev6/dev7 toolkit questions came right.
  dev14: { casual: 96, hard: 94, outOfScope: 30, conversations: 40 },
  dev15: { casual: 98, hard: 84, outOfScope: 30, conversations: 40 },
  dev16: { casual: 98, hard: 95, outOfScope: 30, conversations: 38 },
  dev17: { casual: 99, hard: 88, outOfScope: 30, conversations: 40 },
  dev18: { casual: 98, hard: 93, outOfScope: 30, conversations: 39 },
  dev19: { casual: 98, hard: 92, outOfScope: 30, conversations: 39 },
  dev20: { casual: 100, hard: 95, outOfScope: 30, conversations: 39 },
  dev21: { casual: 80, hard: 138, outOfScope: 30, conversations: 39 },
  dev22: { casual: 78, hard: 138, outOfScope: 30, conversations: 38 },
  dev23: { casual: 80, hard: 138, outOfScope: 30, conversations: 39 },
  dev24: { casual: 57, hard: 155, outOfScope: 29, conversations: 27 },
  dev25: { casual: 95, hard: 85, outOfScope: 30, conversations: 38 },
  dev26: { casual: 58, hard: 141, outOfScope: 18, conversations: 29 },
  dev27: { casual: 79, hard: 122, outOfScope: 39, conversations: 38 },
  dev28: { casual: 60, hard: 96, outOfScope: 29, conversations: 40 },
  dev29: { casual: 39, hard: 133, outOfScope: 40, conversations: 29 },
  dev30: { casual: 38, hard: 135, outOfScope: 29, conversations: 37 },
  dev31: { casual: 29, hard: 52, outOfScope: 30, conversations: 76 },
  dev32: { casual: 30, hard: 137, outOfScope: 40, conversations: 29 },
  dev33: { casual: 20, hard: 74, outOfScope: 19, conversations: 63 },
  dev34: { casual: 0, hard: 129, outOfScope: 48, conversations: 37 },
  dev35: { casual: 110, hard: 0, outOfScope: 27, conversations: 54 },
  dev36: { casual: 0, hard: 137, outOfScope: 38, conversations: 34 },
  dev37: { casual: 97, hard: 51, outOfScope: 29, conversations: 66 },
  dev38: { casual: 0, hard: 141, outOfScope: 39, conversations: 37 },
  dev39: { casual: 96, hard: 70, outOfScope: 29, conversations: 55 },
} as const;
/**
 * The same sets as users first see the answers: short (answer first, src/brief.ts), the rest behind
 * "more". A fact behind "more" counts as not given. Measured when short answers came: the points
 * shown are the ones holding the question's words, and 7 right answers of 930 questions lost
 * their fact to "more" (long role and step cards, where a paraphrase shares no word with the point
 * that answers it). Raised at stop 20 with the full floors above; then four went down by one
 * when every answer to a question came to fit an 80x24 terminal (23 rows with its title, sources
 * and suggestions; it had taken up to 28): four facts of about 1,000 answers went behind "more"
 * (two about choosing a CS program, a front-end role card, a skills list), while reading a point
 * with its heading ("what do they do" finds the Duties) brought two back.
 */
const SHORT_FLOORS = {
  dev: { casual: 79, hard: 73, outOfScope: 25, conversations: 25 },
  dev2: { casual: 87, hard: 85, outOfScope: 30, conversations: 39 },
  // dev3 hard 105 -> 104 and dev5 casual 99 -> 98 at stop 29: the rows counted as the terminal wraps
  // them (see the full floors); 'key technical skills for backend?' lands on the soft skills, whose
  // shorter form now leaves out the technical point it had shown.
  dev3: { casual: 92, hard: 107, outOfScope: 38, conversations: 27 },
  // dev4 conversations 67 -> 66 at stop 32: the same conversation as in the full floors.
  dev4: { casual: 0, hard: 0, outOfScope: 0, conversations: 67 },
  dev5: { casual: 98, hard: 94, outOfScope: 30, conversations: 35 },
  dev6: { casual: 99, hard: 95, outOfScope: 28, conversations: 38 },
  dev7: { casual: 100, hard: 95, outOfScope: 30, conversations: 39 },
  // dev8 hard 83 -> 82 at stop 28: the same two questions as in the full floors.
  dev8: { casual: 98, hard: 88, outOfScope: 30, conversations: 40 },
  dev9: { casual: 100, hard: 98, outOfScope: 30, conversations: 40 },
  // dev10 hard 82 -> 81 at stop 26: the same question as in the full floors.
  // dev10 hard 89 -> 88 at stop 34: 'per the Meta-certificate guide' now reads as 'according to'
  // it, which takes the guide's words out of the ranking; the question lands between the role card
  // and the scalability skill (it had passed on the guide's words). 'per the X' brought 6 others right.
  // dev10 hard down by one or two at stop 34: the same questions as in the full floors.
  dev10: { casual: 99, hard: 94, outOfScope: 30, conversations: 37 },
  dev11: { casual: 96, hard: 90, outOfScope: 30, conversations: 38 },
  // dev12 hard 91 -> 90 at stop 34: 'what credentials do two-year colleges hand out, per Career
  // Karma?' is read as 'according to Career Karma' (as that wording already was), which lands on
  // the education programs card rather than asking which was meant (whose options held the fact).
  // dev12 hard down by one or two at stop 34: the same questions as in the full floors.
  dev12: { casual: 99, hard: 93, outOfScope: 30, conversations: 39 },
  dev13: { casual: 100, hard: 95, outOfScope: 30, conversations: 39 },
  // dev14 hard at stop 34 (full 89 -> 87, short 88 -> 86): 'toolkit' became a word for framework
  // (the newcomer's 'what toolkits do ppl use to build the server part'); 'before picking a toolkit'
  // now asks for the step before the framework one, and a near tie moved 'which JavaScript server
  // framework starting with E' to the front-end languages. Two dev6/dev7 toolkit questions came right.
  // dev14 hard down by one or two at stop 34: the same questions as in the full floors.
  dev14: { casual: 96, hard: 94, outOfScope: 30, conversations: 40 },
  dev15: { casual: 98, hard: 84, outOfScope: 30, conversations: 40 },
  // dev16 hard at stop 37 (short 92 -> 91): the spotlight's 'gurus behind the curtain', written into
  // the role card, moved 'who do server-side developers collaborate with besides front-end developers,
  // per the career profile's perks?' from the perks card (which names DevOps) to the role card.
  dev16: { casual: 98, hard: 94, outOfScope: 30, conversations: 38 },
  dev17: { casual: 99, hard: 88, outOfScope: 30, conversations: 40 },
  dev18: { casual: 98, hard: 93, outOfScope: 30, conversations: 38 },
  // dev19 hard 88 -> 87 at stop 33: "I've done data analysis in Python at a hospital ... which
  // frameworks would make sense for me?" now leads with the web frameworks card by 0.02 over the
  // framework-choice card (example questions added elsewhere moved the near tie); its short form
  // names Django but leaves Flask behind "more". Four other dev-19 questions came right.
  dev19: { casual: 96, hard: 90, outOfScope: 30, conversations: 39 },
  dev20: { casual: 100, hard: 95, outOfScope: 30, conversations: 39 },
  dev21: { casual: 80, hard: 138, outOfScope: 30, conversations: 38 },
  dev22: { casual: 78, hard: 138, outOfScope: 30, conversations: 37 },
  dev23: { casual: 80, hard: 138, outOfScope: 30, conversations: 39 },
  dev24: { casual: 57, hard: 154, outOfScope: 29, conversations: 27 },
  dev25: { casual: 95, hard: 85, outOfScope: 30, conversations: 38 },
  dev26: { casual: 57, hard: 141, outOfScope: 18, conversations: 29 },
  dev27: { casual: 79, hard: 121, outOfScope: 39, conversations: 38 },
  dev28: { casual: 60, hard: 95, outOfScope: 29, conversations: 40 },
  dev29: { casual: 39, hard: 133, outOfScope: 40, conversations: 29 },
  dev30: { casual: 38, hard: 135, outOfScope: 29, conversations: 37 },
  dev31: { casual: 29, hard: 52, outOfScope: 30, conversations: 76 },
  dev32: { casual: 30, hard: 137, outOfScope: 40, conversations: 29 },
  dev33: { casual: 20, hard: 74, outOfScope: 19, conversations: 63 },
  dev34: { casual: 0, hard: 129, outOfScope: 48, conversations: 37 },
  dev35: { casual: 110, hard: 0, outOfScope: 27, conversations: 54 },
  dev36: { casual: 0, hard: 137, outOfScope: 38, conversations: 34 },
  dev37: { casual: 97, hard: 51, outOfScope: 29, conversations: 66 },
  dev38: { casual: 0, hard: 141, outOfScope: 39, conversations: 37 },
  dev39: { casual: 96, hard: 68, outOfScope: 29, conversations: 54 },
} as const;
type Kind = keyof (typeof DEV_FLOORS)['dev'];
/** The entry-labelled earlier sets: right entry first, and refused of those not to answer. */
const LABELLED_FLOORS = {
  // 248 -> 247 at stop 30: "how does the QUIC protocol work" now shows the HTTP/3 card under "the
  // articles don't teach how it works" (they only say HTTP/3 uses QUIC), not as an answer.
  own: { top1: 247, refused: 37 }, // of 269; 40 not to be answered
  // 179 -> 178 at stop 30: "apahce vs nginx web server" shows the web servers card under "the
  // articles never compare or rank these" (they name Apache and NGINX side by side, no more).
  a: { top1: 178, refused: 31 }, // of 200; 34
  b: { top1: 175, refused: 34 }, // of 200; 37
} as const;
/** Every entry carries at least this many example questions (the issue's floor). */
const MIN_ASKS = 10;

let kb: Knowledge;
let search: Search;
const grades: Partial<Record<keyof typeof DEV_FLOORS, { full: FactGrade; short: FactGrade }>> = {};
beforeAll(async () => {
  kb = loadKnowledge();
  search = createSearch(kb);
  for (const name of ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23', 'dev24', 'dev25', 'dev26', 'dev27', 'dev28', 'dev29', 'dev30', 'dev31', 'dev32', 'dev33', 'dev34', 'dev35', 'dev36', 'dev37', 'dev38', 'dev39'] as const) {
    const bot = new Bot({ knowledge: kb, search, logError: () => {} });
    // The full answers: as `more` shows them.
    const full: typeof bot.dispatchText = (line, context, options) => bot.dispatchText(line, { ...context, full: true }, options);
    grades[name] = {
      full: await gradeFacts(botAnswerer(Object.assign(Object.create(bot) as Bot, { dispatchText: full })), loadFactSet(name)),
      short: await gradeFacts(botAnswerer(new Bot({ knowledge: kb, search, logError: () => {} })), loadFactSet(name)),
    };
  }
}, 600_000);

describe.each(['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12', 'dev13', 'dev14', 'dev15', 'dev16', 'dev17', 'dev18', 'dev19', 'dev20', 'dev21', 'dev22', 'dev23', 'dev24', 'dev25', 'dev26', 'dev27', 'dev28', 'dev29', 'dev30', 'dev31', 'dev32', 'dev33', 'dev34', 'dev35', 'dev36', 'dev37', 'dev38', 'dev39'] as const)('development set %s, graded by facts', (name) => {
  it.each(['casual', 'hard', 'outOfScope', 'conversations'] as Kind[])('%s: no fewer right than measured, in full and short', (kind) => {
    for (const form of ['full', 'short'] as const) {
      const g = grades[name]![form];
      const t = g[kind];
      const misses = g.misses.filter((m) => (kind === 'outOfScope' ? m.style === 'out-of-scope' : kind === 'conversations' ? m.style === 'conversation' : m.style === kind));
      const floor = (form === 'full' ? DEV_FLOORS : SHORT_FLOORS)[name][kind];
      expect(t.right, `${form}: ${t.right}/${t.total}; misses:\n${misses.map((m) => `${m.q} -> ${m.got}`).join('\n')}`).toBeGreaterThanOrEqual(floor);
    }
  });
});

describe.each(['own', 'a', 'b'] as const)('entry-labelled set %s', (name) => {
  it('labels only entries that exist', () => {
    for (const s of loadQuestionSet(name)) if (s.expect) expect(search.get(s.expect), s.expect).toBeDefined();
  });

  it('answers and refuses no fewer questions than when it was measured', () => {
    const s = evaluate(botRanker(search), loadQuestionSet(name));
    expect(s.correct, 'answered with the right entry first').toBeGreaterThanOrEqual(LABELLED_FLOORS[name].top1);
    expect(s.refused, 'refused of those not to be answered').toBeGreaterThanOrEqual(LABELLED_FLOORS[name].refused);
  });
});

describe('the data the pipeline learns from', () => {
  it(`gives every entry at least ${MIN_ASKS} example questions`, () => {
    const thin = buildDocuments(kb).filter((d) => d.asks.length < MIN_ASKS).map((d) => `${d.ref} (${d.asks.length})`);
    expect(thin).toEqual([]);
  });

  it('never gives two entries the same example question', () => {
    const owner = new Map<string, string>();
    const shared: string[] = [];
    for (const d of buildDocuments(kb)) {
      for (const ask of d.asks) {
        const key = [...new Set(search.terms(ask))].sort().join(' ');
        const other = owner.get(key);
        if (other && other !== d.ref) shared.push(`"${ask}": ${other} and ${d.ref}`);
        else owner.set(key, d.ref);
      }
    }
    expect(shared).toEqual([]);
  });

  it('keeps the development and test sets apart from the examples: no example question is a set question', () => {
    const asks = new Set(buildDocuments(kb).flatMap((d) => d.asks.map((a) => a.toLowerCase().trim())));
    const sets = [loadFactSet('dev'), loadFactSet('dev2'), loadFactSet('blind'), loadFactSet('blindD'), loadFactSet('dev3'), loadFactSet('dev4'), loadFactSet('blindE'), loadFactSet('blindF'), loadFactSet('dev5'), loadFactSet('blindG'), loadFactSet('dev6'), loadFactSet('blindH'), loadFactSet('dev7'), loadFactSet('blindI'), loadFactSet('dev8'), loadFactSet('blindJ'), loadFactSet('dev9'), loadFactSet('blindK'), loadFactSet('dev10'), loadFactSet('dev11'), loadFactSet('blindL'), loadFactSet('dev12'), loadFactSet('blindM'), loadFactSet('dev13'), loadFactSet('blindN'), loadFactSet('dev14'), loadFactSet('blindO'), loadFactSet('dev15'), loadFactSet('blindP'), loadFactSet('dev16'), loadFactSet('blindQ'), loadFactSet('dev17'), loadFactSet('blindR'), loadFactSet('dev18'), loadFactSet('blindS'), loadFactSet('dev19'), loadFactSet('blindT'), loadFactSet('dev20'), loadFactSet('blindU'), loadFactSet('dev21'), loadFactSet('blindV'), loadFactSet('dev22'), loadFactSet('blindW'), loadFactSet('dev23'), loadFactSet('dev24'), loadFactSet('blindX'), loadFactSet('dev25'), loadFactSet('dev26'), loadFactSet('blindY'), loadFactSet('dev27'), loadFactSet('dev28'), loadFactSet('blindZ'), loadFactSet('dev29'), loadFactSet('dev30'), loadFactSet('blindAA'), loadFactSet('dev31'), loadFactSet('dev32'), loadFactSet('blindAB'), loadFactSet('dev33'), loadFactSet('blindAC'), loadFactSet('dev34'), loadFactSet('dev35'), loadFactSet('blindAD'), loadFactSet('dev36'), loadFactSet('dev37'), loadFactSet('blindAE'), loadFactSet('dev38'), loadFactSet('dev39')];
    const lines = sets.flatMap((s) => [...s.questions.map((q) => q.q), ...s.conversations.flatMap((c) => c.turns)]);
    const leaked = lines.filter((q) => asks.has(q.toLowerCase().trim()));
    // Counted, never printed: the blind set is not to be read. A line of three words or fewer is
    // the plainest way anyone asks ("<role> salary"), written by both sides on their own: blind-u
    // has one, equal to a pay example of the back-end role written stops before blind-u existed.
    // Longer lines are never shared.
    // blind-ac (stop 42) has one longer line equal to an example question written stops before
    // blind-ac existed (no example was added while it stood unscored): two writers, one phrasing.
    // dev-37 (stop 43) has one line of three words or fewer equal to an example question written
    // before it existed.
    expect(leaked.filter((q) => q.trim().split(/\s+/).length > 3)).toHaveLength(1);
    expect(leaked.length).toBeLessThanOrEqual(3);
  });
});

describe('the fact grader', () => {
  it('passes a follow-up marked out of scope when the bot refuses it, and fails it when it answers', async () => {
    const bot = new Bot({ knowledge: kb, search, logError: () => {} });
    const set = { questions: [], conversations: [{ turns: ['what is the average backend salary in the US?', 'and in Australia?'], facts: [], outOfScope: true }, { turns: ['what is the average backend salary in the US?', 'and for seniors?'], facts: [], outOfScope: true }] };
    const g = await gradeFacts(botAnswerer(bot), set);
    expect(g.conversations).toEqual({ right: 1, total: 2, wrong: 1 });
  });
});
