"""Curated first and last names from many countries for the sample candidates."""

from __future__ import annotations

# Name pools by origin: (male given names, female given names, family names). Entries are
# comma-separated; "Kowalski|Kowalska" gives the male and female forms of a family name.
LATIN_NAMES: dict[str, tuple[str, str, str]] = {
    "english": (
        "James, Michael, David, Daniel, Matthew, Christopher, Andrew, Joshua, Ryan, Tyler, "
        "Benjamin, William, Ethan, Liam, Noah, Jacob, Kevin, Brian, Jason, Eric, Thomas, "
        "Jonathan, Nathan, Samuel, Patrick, Sean, Seán, Connor, Oliver, Harry, George, Jack, "
        "Callum, Owen, Aaron, Marcus, Gregory, Scott, Travis, Derek",
        "Mary, Jennifer, Jessica, Sarah, Emily, Emma, Olivia, Sophia, Ava, Charlotte, Grace, "
        "Chloe, Hannah, Megan, Lauren, Rachel, Ashley, Samantha, Nicole, Amanda, Stephanie, "
        "Rebecca, Laura, Katherine, Amy, Natalie, Zoë, Siobhán, Aoife, Niamh, Caitlin, Holly, "
        "Madison, Brittany, Courtney, Heather, Allison, Erin, Kayla, Morgan",
        "Smith, Johnson, Williams, Brown, Jones, Miller, Davis, Wilson, Anderson, Taylor, "
        "Thomas, Moore, Jackson, Thompson, White, Harris, Clark, Lewis, Robinson, Walker, Young, "
        "Allen, King, Wright, Scott, Green, Baker, Adams, Nelson, Hill, Campbell, Mitchell, "
        "Roberts, Carter, Phillips, Evans, Turner, Parker, Collins, Edwards, Stewart, Murphy, "
        "Cook, Rogers, Morgan, Cooper, Peterson, Reed, Bailey, Kelly, Howard, Ward, Cox, "
        "Richardson, Wood, Watson, Brooks, Bennett, Gray, Hughes, Price, Sanders, Myers, Ross, "
        "Foster, O'Brien, O'Connor, McCarthy, MacDonald, Fitzgerald, Ó Súilleabháin, Sullivan, "
        "Fletcher, Hayes, Sutherland",
    ),
    "spanish": (
        "José, Javier, Alejandro, Martín, Diego, Andrés, Raúl, Pablo, Jesús, Ángel, Adrián, "
        "Álvaro, Íñigo, Sergio, Carlos, Miguel, Fernando, Joaquín, Héctor, Rubén",
        "María, Lucía, Sofía, Camila, Valentina, Mónica, Inés, Carmen, Elena, Nuria, Begoña, "
        "Ximena, Daniela, Paula, Marta, Rocío, Guadalupe, Alejandra, Beatriz, Verónica",
        "García, Rodríguez, Martínez, Hernández, López, González, Pérez, Sánchez, Ramírez, "
        "Torres, Flores, Rivera, Gómez, Díaz, Cruz, Morales, Ortiz, Gutiérrez, Chávez, Ramos, "
        "Ruiz, Álvarez, Jiménez, Moreno, Muñoz, Romero, Navarro, Domínguez, Vázquez, Castillo, "
        "Iglesias, Peña, Núñez, Ibáñez",
    ),
    "portuguese": (
        "João, Gonçalo, Tiago, Rodrigo, Luís, Thiago, Lucas, Felipe, Caio, Sebastião, Rafael, "
        "Bruno, André, Vinícius, Mateus",
        "Ana, Beatriz, Inês, Mariana, Leonor, Gabriela, Larissa, Fernanda, Júlia, Vitória, "
        "Camila, Letícia, Catarina, Margarida, Luíza",
        "Silva, Santos, Ferreira, Pereira, Oliveira, Costa, Rodrigues, Martins, Sousa, Fernandes, "
        "Gonçalves, Gomes, Lopes, Marques, Alves, Almeida, Ribeiro, Pinto, Carvalho, Teixeira, "
        "Moreira, Correia, Mendes, Nunes, Conceição, Magalhães, Araújo, Brandão",
    ),
    "french": (
        "Jean, Hugo, Théo, Louis, Jérôme, François, Étienne, Mathéo, Benoît, Clément, Aurélien, "
        "Julien, Nicolas, Antoine, Maxime, Sébastien, Gaël, Raphaël",
        "Marie, Camille, Léa, Chloé, Manon, Inès, Zoé, Céline, Hélène, Amélie, Noémie, Gaëlle, "
        "Anaïs, Maëlle, Élodie, Margaux, Sandrine, Aurélie",
        "Martin, Bernard, Dubois, Robert, Richard, Petit, Durand, Leroy, Moreau, Simon, Laurent, "
        "Lefèvre, Michel, David, Bertrand, Roux, Vincent, Fournier, Morel, Girard, André, "
        "Mercier, Dupont, Lambert, Bonnet, Côté, Gagné, Bélanger, Lévesque, Tremblay",
    ),
    "german": (
        "Lukas, Jonas, Leon, Felix, Maximilian, Jürgen, Jörg, Sören, Tobias, Matthias, Jannik, "
        "Florian, Stefan, Andreas, Markus, Uwe, Dieter, Niklas, Moritz",
        "Anna, Lena, Jana, Katharina, Sophie, Hannah, Mia, Lea, Sabine, Birgit, Ute, Anke, "
        "Julia, Franziska, Johanna, Annika, Jördis, Kerstin",
        "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann, "
        "Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, "
        "Braun, Krüger, Hofmann, Hartmann, Lange, Werner, Krause, Lehmann, Köhler, Huber, "
        "Gruber, Weiß, Brändli, Vogel",
    ),
    "dutch": (
        "Daan, Sem, Bram, Thijs, Joost, Maarten, Ruud, Niels, Sander, Jeroen, Pieter, Wouter",
        "Sanne, Femke, Eva, Lotte, Anouk, Inge, Marloes, Fleur, Noor, Esther, Ilse, Maaike",
        "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, "
        "de Boer, Mulder, de Groot, Bos, Vos, Peeters, Hendriks, van Leeuwen, Dekker, Brouwer, "
        "de Wit, Dijkstra, Willems, de Graaf, van der Meer, Claes, Maes",
    ),
    "nordic": (
        "Lars, Erik, Anders, Nils, Björn, Sven, Kjell, Jørgen, Søren, Mikkel, Frederik, Emil, "
        "Oskar, Eero, Mikko, Jukka, Väinö, Henrik",
        "Ingrid, Astrid, Freja, Sigrid, Åsa, Mette, Sofie, Ida, Aino, Päivi, Sanna, Karin, Linnea, "
        "Maja, Signe, Helmi",
        "Andersson, Johansson, Karlsson, Nilsson, Eriksson, Larsson, Olsson, Persson, Svensson, "
        "Gustafsson, Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nielsen, Jensen, "
        "Sørensen, Rasmussen, Christensen, Korhonen, Virtanen, Mäkinen, Nieminen, Hämäläinen, "
        "Lindström, Öberg, Åberg, Ødegård, Bjørnstad",
    ),
    "polish": (
        "Łukasz, Paweł, Michał, Piotr, Krzysztof, Tomasz, Marcin, Wojciech, Grzegorz, Jakub, "
        "Bartłomiej, Jędrzej, Mateusz, Kacper",
        "Agnieszka, Małgorzata, Katarzyna, Magdalena, Joanna, Aleksandra, Zofia, Dorota, Barbara, "
        "Anna, Ewa, Marta, Natalia, Urszula",
        "Nowak, Kowalski|Kowalska, Wiśniewski|Wiśniewska, Wójcik, Kowalczyk, "
        "Kamiński|Kamińska, Lewandowski|Lewandowska, Zieliński|Zielińska, "
        "Szymański|Szymańska, Woźniak, Dąbrowski|Dąbrowska, Kozłowski|Kozłowska, Mazur, "
        "Krawczyk, Jabłoński|Jabłońska, Łukasik, Zając, Król, Wieczorek, Kaczmarek, Pietrzak",
    ),
    "czech": (
        "Jiří, Jan, Petr, Tomáš, Lukáš, Ondřej, Jakub, Martin, Marek, Michal",
        "Eva, Jana, Tereza, Kateřina, Lucie, Veronika, Zuzana, Petra, Markéta, Barbora",
        "Novák|Nováková, Svoboda|Svobodová, Novotný|Novotná, Dvořák|Dvořáková, Černý|Černá, "
        "Procházka|Procházková, Kučera|Kučerová, Veselý|Veselá, Horák|Horáková, "
        "Němec|Němcová, Kováč|Kováčová, Horváth|Horváthová",
    ),
    "hungarian": (
        "Bence, Máté, Dávid, Ádám, Gábor, László, Zoltán, Péter, Balázs, Levente",
        "Eszter, Réka, Zsófia, Anna, Katalin, Orsolya, Dóra, Júlia, Nóra, Boglárka",
        "Nagy, Kovács, Tóth, Szabó, Horváth, Varga, Kiss, Molnár, Németh, Farkas, Balogh, Papp, "
        "Takács, Juhász",
    ),
    "romanian": (
        "Andrei, Alexandru, Ștefan, Mihai, Ionuț, Radu, Bogdan, Vlad, Cătălin, Sorin",
        "Ioana, Maria, Elena, Andreea, Cristina, Diana, Alina, Raluca, Mădălina, Oana",
        "Popescu, Ionescu, Popa, Dumitrescu, Stan, Stoica, Gheorghe, Matei, Ciobanu, Rusu, "
        "Munteanu, Constantinescu, Țurcanu, Dumitru, Răducanu",
    ),
    "balkan": (
        "Luka, Ivan, Marko, Nikola, Matej, Stefan, Dragan, Miloš, Filip, Dimitar, Georgi",
        "Ana, Petra, Ivana, Marija, Jelena, Dragana, Milica, Maja, Snežana, Desislava",
        "Horvat, Kovačević, Babić, Marić, Jurić, Knežević, Vuković, Petrović, Jovanović, "
        "Nikolić, Đorđević, Stojanović, Ilić, Ivanov|Ivanova, Dimitrov|Dimitrova, "
        "Georgiev|Georgieva",
    ),
    "baltic": (
        "Jonas, Tomas, Mantas, Jānis, Andris, Mārtiņš, Rasmus, Kristjan, Karl, Tõnis",
        "Rūta, Eglė, Gintarė, Līga, Ilze, Kristīne, Mari, Kadri, Triin, Liis",
        "Kazlauskas|Kazlauskienė, Jankauskas|Jankauskienė, Petrauskas|Petrauskienė, "
        "Bērziņš|Bērziņa, Kalniņš|Kalniņa, Ozoliņš|Ozoliņa, Tamm, Saar, Sepp, Mägi, Kask, Kukk",
    ),
    "italian": (
        "Giuseppe, Marco, Luca, Francesco, Alessandro, Matteo, Lorenzo, Andrea, Niccolò, "
        "Davide, Simone, Federico, Gabriele, Riccardo",
        "Giulia, Chiara, Francesca, Sara, Martina, Federica, Alessia, Valentina, Elisa, Silvia, "
        "Beatrice, Ilaria, Noemi, Aurora",
        "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
        "Gallo, Conti, De Luca, Mancini, Giordano, Rizzo, Lombardi, Moretti, Barbieri, Fontana, "
        "Santoro, Rinaldi, Caruso, Leone, Longo, Gentile, Vitale, Coppola, D'Angelo",
    ),
    "greek": (
        "Georgios, Dimitrios, Konstantinos, Nikolaos, Ioannis, Panagiotis, Christos, Vasilis",
        "Maria, Eleni, Katerina, Sofia, Despina, Georgia, Ioanna, Vasiliki",
        "Papadopoulos|Papadopoulou, Nikolaidis|Nikolaidou, Georgiou, Oikonomou, "
        "Vlachos|Vlachou, Karagiannis|Karagianni, Christodoulou, Alexiou, Makris|Makri",
    ),
    "turkish": (
        "Mehmet, Mustafa, Ahmet, Emre, Burak, Can, Çağlar, Oğuz, Kerem, Serkan",
        "Ayşe, Fatma, Zeynep, Elif, Büşra, Özge, Gülşen, Ece, Deniz, Merve",
        "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, "
        "Doğan, Kılıç, Aslan, Çetin, Koç, Kurt",
    ),
    "slavic": (
        "Ivan, Dmitry, Sergei, Alexei, Andriy, Oleksandr, Mykola, Maksym, Pavel, Yevhen",
        "Olga, Natalia, Anastasia, Yulia, Oksana, Iryna, Svitlana, Tetiana, Daria, Kateryna",
        "Ivanov|Ivanova, Petrov|Petrova, Smirnov|Smirnova, Kuznetsov|Kuznetsova, "
        "Sokolov|Sokolova, Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, "
        "Boyko, Koval, Hnatiuk",
    ),
    "vietnamese": (
        "Minh, Quang, Tuấn, Dũng, Hải, Đức, Khánh, Phúc, Long, Huy",
        "Anh, Hương, Thảo, Linh, Phương, Trang, Thủy, Ngọc, Hà, Mai",
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ",
    ),
    "indian": (
        "Aarav, Arjun, Rohan, Vikram, Rahul, Amit, Sanjay, Karthik, Suresh, Rajesh, Anil, "
        "Pranav, Vivek, Siddharth, Nikhil, Abhishek",
        "Priya, Ananya, Divya, Kavya, Neha, Pooja, Sneha, Aditi, Deepika, Lakshmi, Meera, "
        "Shreya, Anjali, Swati, Nandini, Ritu",
        "Sharma, Patel, Singh, Kumar, Gupta, Reddy, Iyer, Nair, Rao, Mehta, Shah, Joshi, Desai, "
        "Chatterjee, Banerjee, Mukherjee, Krishnan, Menon, Pillai, Agarwal, Bhat, Kapoor, "
        "Malhotra, Verma, Chopra",
    ),
    "chinese": (
        "Wei, Ming, Jun, Lei, Hao, Yufei, Haoran, Zihan, Jian, Tao, Kelvin, Jason",
        "Jing, Li, Hui, Xin, Yan, Fang, Xiaoling, Mei, Ying, Shu, Vivian, Grace",
        "Wang, Li, Zhang, Liu, Chen, Yang, Huang, Zhao, Wu, Zhou, Xu, Sun, Ma, Zhu, Hu, Guo, "
        "Lin, He, Wong, Chan, Leung, Cheung, Lau, Tsai",
    ),
    "japanese": (
        "Haruto, Yūto, Sōta, Kenji, Takashi, Hiroshi, Daiki, Ren, Kaito, Shōhei",
        "Yui, Yuki, Sakura, Aoi, Hina, Mei, Emi, Naoko, Haruka, Ayaka",
        "Satō, Suzuki, Takahashi, Tanaka, Watanabe, Itō, Yamamoto, Nakamura, Kobayashi, Katō, "
        "Yoshida, Yamada, Sasaki, Matsumoto, Inoue, Kimura",
    ),
    "korean": (
        "Min-jun, Ji-ho, Do-yun, Seo-jun, Hyun-woo, Jae-won, Sung-min, Tae-yang",
        "Seo-yeon, Ha-eun, Ji-woo, Soo-ah, Eun-ji, Min-seo, Yu-na, Hye-jin",
        "Kim, Lee, Park, Choi, Jung, Kang, Cho, Yoon, Jang, Lim, Han, Shin",
    ),
    "arabic": (
        "Mohammed, Ahmed, Omar, Khalid, Youssef, Hassan, Tariq, Karim, Rami, Faisal",
        "Fatima, Aisha, Layla, Mariam, Noor, Yasmin, Huda, Salma, Rania, Dina",
        "Al-Farsi, Al-Mansoori, Haddad, Khalil, Nasser, Hassan, El-Sayed, Abdullah, "
        "Al-Rashid, Mahmoud, Saleh, Aziz, Farouk, Darwish",
    ),
    "hebrew": (
        "Yonatan, Itai, Omer, Noam, Amit, Eitan, Ariel, Yosef, Daniel, Avi",
        "Noa, Tamar, Yael, Maya, Shira, Michal, Adi, Hila, Efrat, Liat",
        "Cohen, Levi, Mizrahi, Peretz, Biton, Dahan, Friedman, Katz, Shapiro, Ben-David, Avraham",
    ),
    "african": (
        "Chinedu, Oluwaseun, Adebayo, Emeka, Tunde, Kamau, Otieno, Thabo, Sipho, Kagiso, "
        "Kwame, Kofi, Babajide, Jabari",
        "Ngozi, Chiamaka, Funmilayo, Amaka, Wanjiru, Achieng, Njeri, Lerato, Nomvula, Zanele, "
        "Adaeze, Ama, Thandiwe, Akinyi",
        "Okafor, Adeyemi, Okonkwo, Balogun, Eze, Nwosu, Ogunleye, Mwangi, Kamau, Ochieng, "
        "Wanjiku, Kariuki, Nkosi, Dlamini, Ndlovu, Khumalo, Mokoena, van der Merwe, Botha, "
        "Pretorius, Mensah, Boateng",
    ),
    "filipino": (
        "Jose, Mark, John Paul, Angelo, Carlo, Paolo, Rey, Jerome, Miguel, Jericho",
        "Mary Grace, Kristine, Jasmine, Rhea, Maricel, Camille, Joanna, Patricia, Bea, Angelica",
        "Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Villanueva, Castillo, "
        "Dela Cruz, Aquino, Ramos, Manalo",
    ),
    "south_asian_muslim": (
        "Ali, Usman, Bilal, Hamza, Imran, Faisal, Zubair, Ahmad, Hafiz, Aiman",
        "Ayesha, Sana, Hira, Zainab, Mahnoor, Nurul, Siti, Farah, Amira, Nadia",
        "Khan, Ahmed, Malik, Qureshi, Butt, Sheikh, Chaudhry, Raza, Hussain, Rahman, Ismail",
    ),
    "thai": (
        "Somchai, Nattapong, Anan, Kittisak, Thanawat, Pichit",
        "Siriporn, Kanokwan, Nattaya, Pimchanok, Supaporn, Wanida",
        "Wongsuwan, Srisuk, Chaiyaporn, Saetang, Rattanakorn, Suwannarat, Boonmee",
    ),
}

# Names in their own script: "native=romanised" (the romanised form builds the email).
NON_LATIN_NAMES: dict[str, tuple[str, str, str]] = {
    "zh": (
        "伟=Wei, 磊=Lei, 强=Qiang, 军=Jun, 杰=Jie, 浩然=Haoran, 子轩=Zixuan, 明=Ming",
        "芳=Fang, 娜=Na, 敏=Min, 静=Jing, 丽=Li, 婷=Ting, 子涵=Zihan, 欣怡=Xinyi",
        "王=Wang, 李=Li, 张=Zhang, 刘=Liu, 陈=Chen, 杨=Yang, 黄=Huang, 赵=Zhao, 吴=Wu, "
        "周=Zhou, 徐=Xu, 孙=Sun, 林=Lin",
    ),
    "ja": (
        "翔太=Shota, 健=Ken, 大輔=Daisuke, 拓也=Takuya, 直樹=Naoki, 誠=Makoto",
        "美咲=Misaki, 陽菜=Hina, 結衣=Yui, 愛=Ai, 由美=Yumi, 真由美=Mayumi",
        "佐藤=Sato, 鈴木=Suzuki, 高橋=Takahashi, 田中=Tanaka, 渡辺=Watanabe, 伊藤=Ito, "
        "山本=Yamamoto, 中村=Nakamura, 小林=Kobayashi, 加藤=Kato",
    ),
    "ko": (
        "민준=Minjun, 지호=Jiho, 도윤=Doyun, 현우=Hyunwoo",
        "서연=Seoyeon, 하은=Haeun, 지우=Jiwoo, 수아=Sua",
        "김=Kim, 이=Lee, 박=Park, 최=Choi, 정=Jung, 강=Kang",
    ),
    "ru": (
        "Иван=Ivan, Дмитрий=Dmitry, Сергей=Sergey, Алексей=Alexey, Михаил=Mikhail",
        "Ольга=Olga, Наталья=Natalya, Анна=Anna, Екатерина=Ekaterina, Мария=Maria",
        "Иванов|Иванова=Ivanov|Ivanova, Смирнов|Смирнова=Smirnov|Smirnova, "
        "Кузнецов|Кузнецова=Kuznetsov|Kuznetsova, Попов|Попова=Popov|Popova, "
        "Соколов|Соколова=Sokolov|Sokolova, Лебедев|Лебедева=Lebedev|Lebedeva",
    ),
    "uk": (
        "Олександр=Oleksandr, Андрій=Andriy, Тарас=Taras, Богдан=Bohdan",
        "Оксана=Oksana, Ірина=Iryna, Юлія=Yuliia, Олена=Olena",
        "Шевченко=Shevchenko, Коваленко=Kovalenko, Бондаренко=Bondarenko, Мельник=Melnyk, "
        "Ткаченко=Tkachenko",
    ),
    "el": (
        "Γιώργος=Giorgos, Δημήτρης=Dimitris, Νίκος=Nikos, Κώστας=Kostas",
        "Μαρία=Maria, Ελένη=Eleni, Κατερίνα=Katerina, Σοφία=Sofia",
        "Παπαδόπουλος|Παπαδοπούλου=Papadopoulos|Papadopoulou, Νικολάου=Nikolaou, "
        "Γεωργίου=Georgiou, Οικονόμου=Oikonomou, Παππάς|Παππά=Pappas|Pappa",
    ),
    "ar": (
        "محمد=Mohammed, أحمد=Ahmed, عمر=Omar, خالد=Khalid, يوسف=Youssef",
        "فاطمة=Fatima, عائشة=Aisha, ليلى=Layla, مريم=Mariam, نور=Noor",
        "الحداد=Al-Haddad, المنصوري=Al-Mansoori, خليل=Khalil, ناصر=Nasser, عبدالله=Abdullah, "
        "محمود=Mahmoud, صالح=Saleh",
    ),
    "he": (
        "יונתן=Yonatan, עומר=Omer, נועם=Noam",
        "נועה=Noa, תמר=Tamar, יעל=Yael",
        "כהן=Cohen, לוי=Levi, מזרחי=Mizrahi, פרץ=Peretz",
    ),
}

# Where people in a non-Latin pool usually live (city names from CITIES); others live anywhere.
NON_LATIN_HOMES: dict[str, tuple[str, ...]] = {
    "zh": ("Shanghai", "Shenzhen", "Beijing", "Taipei", "Hong Kong", "Singapore"),
    "ja": ("Tokyo", "Osaka"),
    "ko": ("Seoul",),
    "ru": ("Tallinn", "Riga", "Berlin"),
    "uk": ("Kyiv", "Lviv", "Warsaw", "Kraków"),
    "el": ("Athens", "Thessaloniki"),
    "ar": ("Dubai", "Abu Dhabi", "Riyadh", "Cairo"),
    "he": ("Tel Aviv",),
}
NON_LATIN_WEIGHTS: dict[str, int] = {
    "zh": 30, "ja": 15, "ko": 8, "ru": 12, "uk": 10, "el": 10, "ar": 10, "he": 5,
}  # fmt: skip

# Who lives in a cosmopolitan city: origin weights for the "mix" cities (US, Canada, ...).
CITY_MIX: dict[str, int] = {
    "english": 52, "spanish": 10, "indian": 9, "chinese": 5, "african": 3, "vietnamese": 2,
    "korean": 2, "filipino": 2, "arabic": 2, "italian": 2, "german": 2, "polish": 2,
    "slavic": 2, "french": 1, "portuguese": 1, "greek": 1, "hebrew": 1, "japanese": 1,
    "south_asian_muslim": 1, "nordic": 1, "dutch": 1, "turkish": 1,
}  # fmt: skip
