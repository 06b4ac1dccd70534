#include "stopwords.h"

const char *const nd_stopwords[] = {
    "a", "about", "above", "according", "across", "added", "adds", "after", "again", "against", "ago",
    "all", "almost", "along", "already", "also", "although", "always", "am", "among", "an", "and",
    "another", "any", "are", "around", "as", "at", "be", "became", "because", "become", "been",
    "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could", "did",
    "do", "does", "doing", "done", "down", "during", "each", "either", "even", "ever", "every",
    "explained", "few", "for", "from", "further", "get", "got", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
    "in", "into", "is", "it", "it's", "its", "itself", "just", "least", "less", "like", "made",
    "make", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "neither",
    "no", "nor", "not", "noted", "notes", "now", "of", "off", "often", "on", "once", "one", "only",
    "or", "other", "others", "our", "ours", "ourselves", "out", "over", "own", "per", "quite",
    "rather", "really", "said", "same", "say", "saying", "says", "see", "seen", "several", "shall",
    "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though",
    "through", "thus", "to", "told", "too", "toward", "towards", "under", "until", "up", "upon",
    "us", "very", "via", "was", "we", "well", "were", "what", "when", "where", "whether", "which",
    "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "yet",
    "you", "your", "yours", "yourself",
};
const size_t nd_nstopwords = sizeof nd_stopwords / sizeof nd_stopwords[0];
